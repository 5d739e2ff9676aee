package org.patientinsight.quality;

/** The gate's verdict on one batch. */
public enum GateStatus {
  /** Every check and anomaly check passed. */
  PASSED,
  /** No Error-level failure; at least one warning or warning-level anomaly. Publishes. */
  PASSED_WITH_WARNINGS,
  /** At least one Error-level check (or Error-level anomaly) failed. Must not publish. */
  FAILED_ERRORS
}
