package org.patientinsight.jobs.run;

/**
 * A failure the user can act on: its message names the cause in one line (bad input, a
 * missing file, a rejected batch). The CLI prints the message, not a stack trace.
 */
public class JobFailure extends RuntimeException {
  public JobFailure(String message) {
    super(message);
  }

  public JobFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
