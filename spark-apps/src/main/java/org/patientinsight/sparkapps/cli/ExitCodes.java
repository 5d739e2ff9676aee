package org.patientinsight.sparkapps.cli;

/** Exit codes of {@code patient-insight submit}. */
public final class ExitCodes {
  /** Submitted (or already submitted); with --wait: COMPLETED. */
  public static final int OK = 0;
  /** With --wait: the application ended FAILED. */
  public static final int APPLICATION_FAILED = 1;
  /** Bad command line (picocli's own code). */
  public static final int USAGE = 2;
  /** With --wait: no terminal state before --timeout. */
  public static final int TIMED_OUT = 3;
  /** The Kubernetes API refused or could not be reached, or the application vanished while waiting. */
  public static final int CLUSTER_ERROR = 4;

  private ExitCodes() {
  }
}
