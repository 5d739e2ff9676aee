package org.patientinsight.sparkapps.submit;

/** How waiting for an application ended. */
public enum WaitOutcome {
  COMPLETED,
  FAILED,
  TIMED_OUT,
  /** The application was deleted while we waited (by someone else, or its TTL ran out). */
  DISAPPEARED
}
