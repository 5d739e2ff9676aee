package org.patientinsight.core.tracking;

import org.patientinsight.core.config.Redaction;

/**
 * What happened when a run was recorded. Tracking never fails a pipeline run: the caller adds
 * {@code failures} to its run summary and prints {@code message}.
 *
 * @param ok true when every call succeeded
 * @param backend "file-store", "mlflow-server", "sagemaker-mlflow" or "disabled"
 * @param mlflowRunId MLflow's run id, null if no run was created
 * @param experimentId MLflow's experiment id, null if unknown
 * @param failures how many tracking steps failed (0 when ok)
 * @param message one line for logs and the run summary (no patient text)
 * @param location where to look: the run's directory, or the run's URL
 */
public record TrackingOutcome(boolean ok, String backend, String mlflowRunId, String experimentId,
    int failures, String message, String location) {

  /** The message and location end up in summaries and on the console: no credential of the tracking URI in them. */
  public TrackingOutcome {
    message = Redaction.text(message);
    location = Redaction.text(location);
  }

  static TrackingOutcome recorded(String backend, String runId, String experimentId,
      String location) {
    return new TrackingOutcome(true, backend, runId, experimentId, 0,
        "run recorded in " + backend, location);
  }

  static TrackingOutcome failed(String backend, String runId, String experimentId, int failures,
      String message, String location) {
    return new TrackingOutcome(false, backend, runId, experimentId, Math.max(1, failures), message,
        location);
  }
}
