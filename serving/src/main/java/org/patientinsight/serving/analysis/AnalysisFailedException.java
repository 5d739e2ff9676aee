package org.patientinsight.serving.analysis;

import org.patientinsight.serving.generate.GenerationException;

/** The report could not be generated; carries the retrieval so the client still gets the cases. */
public final class AnalysisFailedException extends RuntimeException {
  private final SearchOutcome search;

  public AnalysisFailedException(GenerationException cause, SearchOutcome search) {
    super(cause.getMessage(), cause);
    this.search = search;
  }

  public GenerationException generation() {
    return (GenerationException) getCause();
  }

  public SearchOutcome search() {
    return search;
  }
}
