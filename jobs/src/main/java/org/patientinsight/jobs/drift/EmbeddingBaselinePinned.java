package org.patientinsight.jobs.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.jobs.run.StageResult;

/** An embedding baseline pinned by {@code drift baseline --embeddings}. */
public record EmbeddingBaselinePinned(EmbeddingBaseline baseline) implements StageResult {
  @Override
  public Map<String, Object> sections() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", baseline.ref());
    m.put("version", baseline.version());
    m.put("sample_rows", baseline.sampleRows());
    m.put("clusters", baseline.clusters().size());
    return Map.of("embedding_baseline", m);
  }
}
