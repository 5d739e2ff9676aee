package org.patientinsight.jobs.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.contract.EmbeddingsTable;
import org.patientinsight.jobs.run.StageResult;

/**
 * What one embed stage did: texts embedded, tokens the model saw, how the vectors were written
 * ({@code append}, {@code merge}, or {@code none}), seconds spent embedding (the Spark job
 * that reads the changed cases and runs the model — with an append, the same job writes the
 * vectors) and in the whole stage.
 */
public record EmbedResult(String modelId, String store, long embedded, long tokens, long skippedNoNote,
    int tasks, String write, double embedSeconds, double stageSeconds, long embeddingsVersion)
    implements StageResult {

  public double textsPerSecond() {
    return embedSeconds > 0 ? embedded / embedSeconds : 0;
  }

  public double tokensPerSecond() {
    return embedSeconds > 0 ? tokens / embedSeconds : 0;
  }

  @Override
  public Map<String, Long> counts() {
    return Map.of("embedded", embedded);
  }

  @Override
  public Map<String, Long> tableVersions() {
    return Map.of(EmbeddingsTable.NAME, embeddingsVersion);
  }

  @Override
  public Map<String, Object> sections() {
    return Map.of("embedding", toSection());
  }

  /** The run summary's {@code embedding} section (figures only). */
  public Map<String, Object> toSection() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model_id", modelId);
    m.put("store", store);
    m.put("embedded", embedded);
    m.put("tokens", tokens);
    m.put("skipped_no_note", skippedNoNote);
    m.put("tasks", tasks);
    m.put("write", write);
    m.put("seconds", round(embedSeconds, 3));
    m.put("stage_seconds", round(stageSeconds, 3));
    m.put("texts_per_s", round(textsPerSecond(), 1));
    m.put("tokens_per_s", round(tokensPerSecond(), 0));
    return m;
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
