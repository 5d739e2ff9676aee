package org.patientinsight.serving.http;

import org.patientinsight.serving.analysis.AnalysisRefusedException;
import org.patientinsight.serving.api.ApiError;
import org.patientinsight.serving.generate.GenerationException;

/** The one place that turns what the service reports into HTTP statuses and codes. */
final class DomainErrors {
  /** How long a key with a full store is told to wait: older analyses age out meanwhile. */
  static final int QUOTA_RETRY_AFTER_SECONDS = 3600;

  private DomainErrors() {}

  static ApiError of(AnalysisRefusedException e) {
    return switch (e.reason()) {
      case INVALID_REQUEST -> new ApiError(400, "bad_request", e.field(), e.getMessage());
      case QUOTA_FULL -> new ApiError(429, "analysis_quota", null, e.getMessage()
          + "; delete some (DELETE /api/v1/analyses/{id}) or wait until older ones pass the "
          + "retention period", QUOTA_RETRY_AFTER_SECONDS);
    };
  }

  /** A generator that did not answer in time is a gateway timeout; any other failure, 502. */
  static int status(GenerationException.Kind kind) {
    return kind == GenerationException.Kind.TIMEOUT ? 504 : 502;
  }

  /** No such analysis, or not the caller's: the same answer, so ids are no oracle. */
  static ApiError unknownAnalysis() {
    return new ApiError(404, "analysis_not_found", "id", "no analysis with this id");
  }
}
