package org.patientinsight.jobs.run;

/**
 * How a command's work ended when nothing failed: done, or the batch refused by the gate (a
 * value the pipeline returns, not an exception). Failures are exceptions ({@link JobFailure}).
 */
public record Verdict(RunStatus status, String message) {
  public static Verdict done() {
    return new Verdict(RunStatus.SUCCEEDED, null);
  }

  public static Verdict rejected(String why) {
    return new Verdict(RunStatus.REJECTED, why);
  }
}
