package org.patientinsight.jobs.lease;

/** This run no longer holds the lease: another run took it over (ours had expired). */
public final class LeaseLostException extends RuntimeException {
  private final transient LeaseRecord current;

  LeaseLostException(String message, LeaseRecord current) {
    super(message);
    this.current = current;
  }

  /** The generation that holds the lease now (null when none could be read). */
  public LeaseRecord current() {
    return current;
  }
}
