package org.patientinsight.jobs.drift;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.jobs.run.StageResult;
import org.patientinsight.quality.drift.Baseline;

/** An age baseline pinned by {@code drift baseline --from-version N}. */
public record BaselinePinned(Baseline baseline) implements StageResult {
  @Override
  public Map<String, Object> sections() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", baseline.ref());
    m.put("version", baseline.version());
    m.put("source_version", baseline.sourceVersion());
    return Map.of("drift_baseline", m);
  }
}
