package org.patientinsight.serving.generate;

import java.util.List;
import org.patientinsight.serving.retrieval.RetrievedCase;

/** A generator that asks a language model, with the prompts from {@link ReportPrompts}. */
public final class LanguageModelGenerator implements Generator {
  private final CompletionClient client;
  private final ReportPrompts prompts;

  public LanguageModelGenerator(CompletionClient client, ReportPrompts prompts) {
    this.client = client;
    this.prompts = prompts;
  }

  @Override
  public String name() {
    return client.name();
  }

  @Override
  public boolean isLanguageModel() {
    return true;
  }

  @Override
  public Generation writeReport(CaseDescription current, List<RetrievedCase> similar) {
    return timed(prompts.report(current, similar));
  }

  @Override
  public Generation answer(String question, String report, List<RetrievedCase> similar) {
    return timed(prompts.question(question, report, similar));
  }

  private Generation timed(Prompt prompt) {
    long t0 = System.nanoTime();
    Generation g = client.complete(prompt);
    return g.withLatency((System.nanoTime() - t0) / 1_000_000);
  }
}
