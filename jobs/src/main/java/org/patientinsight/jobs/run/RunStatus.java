package org.patientinsight.jobs.run;

/** How a run ended. REJECTED: the batch failed an Error-level quality check and was not published. */
public enum RunStatus {
  RUNNING, SUCCEEDED, FAILED, REJECTED;

  /** The process exit code for this outcome. */
  public int exitCode() {
    switch (this) {
      case SUCCEEDED: return 0;
      case REJECTED: return 3;
      default: return 1;
    }
  }
}
