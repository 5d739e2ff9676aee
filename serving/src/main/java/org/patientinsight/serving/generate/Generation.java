package org.patientinsight.serving.generate;

/** Generated text and what it cost; token counts are null when the backend does not say. */
public record Generation(String text, Integer promptTokens, Integer completionTokens,
    Double costUsd, long latencyMillis) {

  public Generation withLatency(long millis) {
    return new Generation(text, promptTokens, completionTokens, costUsd, millis);
  }
}
