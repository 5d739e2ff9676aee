package org.patientinsight.serving.generate;

import java.util.List;
import org.patientinsight.serving.retrieval.RetrievedCase;

/** Writes the report for a case from its similar cases, and answers follow-up questions. */
public interface Generator {

  /** What wrote the text, shown to the user ("extractive", "sagemaker:NAME", "openai:MODEL"). */
  String name();

  /** True when a language model writes the text. */
  boolean isLanguageModel();

  Generation writeReport(CaseDescription current, List<RetrievedCase> similar);

  Generation answer(String question, String report, List<RetrievedCase> similar);
}
