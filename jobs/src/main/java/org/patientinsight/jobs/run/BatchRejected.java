package org.patientinsight.jobs.run;

/**
 * The batch was refused (a failed Error-level quality check, or nothing usable in it). Unlike
 * other failures the run's quarantine and quality records are kept: they say why.
 */
public final class BatchRejected extends JobFailure {
  public BatchRejected(String message) {
    super(message);
  }
}
