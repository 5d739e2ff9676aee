package org.patientinsight.serving.generate;

/** One language-model backend: turns a prompt into text, retrying transient failures. */
public interface CompletionClient {
  String name();

  /** @throws GenerationException when the backend fails after its retries */
  Generation complete(Prompt prompt);
}
