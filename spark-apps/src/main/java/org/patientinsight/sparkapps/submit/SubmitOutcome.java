package org.patientinsight.sparkapps.submit;

/** Result of creating a SparkApplication. */
public enum SubmitOutcome {
  CREATED,
  /** An application with the same (deterministic) name exists: the request was submitted before. */
  ALREADY_EXISTS
}
