package org.patientinsight.core.tracking;

/** MLflow's server-side limits (mlflow/utils/validation.py, MLflow 2.x). */
final class MlflowLimits {
  /** log-batch: at most this many metrics per request. */
  static final int MAX_METRICS_PER_BATCH = 1000;
  /** log-batch: at most this many params, and separately tags, per request. */
  static final int MAX_PARAMS_TAGS_PER_BATCH = 100;
  /** log-batch: at most this many entities of all kinds per request. */
  static final int MAX_ENTITIES_PER_BATCH = 1000;
  /** log-batch: the server rejects request bodies larger than this many bytes. */
  static final int MAX_BATCH_REQUEST_BYTES = 1_000_000;
  static final int MAX_KEY_LENGTH = 250;
  static final int MAX_PARAM_VALUE_LENGTH = 6000;
  static final int MAX_TAG_VALUE_LENGTH = 8000;

  private MlflowLimits() {
  }
}
