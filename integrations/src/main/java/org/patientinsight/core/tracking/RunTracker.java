package org.patientinsight.core.tracking;

/** Records one finished run in MLflow (file store, tracking server or SageMaker managed MLflow). */
public interface RunTracker {

  /**
   * Records the run. Never throws: every failure is logged (ids and counts only) and reported
   * in the outcome, so a tracking problem can never fail the pipeline run it describes.
   */
  TrackingOutcome record(TrackedRun run);

  /** Backend name as reported in outcomes. */
  String backend();
}
