package org.patientinsight.serving.analysis;

/**
 * The service will not do what was asked, for a reason the caller can fix: the request asks
 * for something this deployment cannot do, or the caller's key holds as many analyses as it
 * may. An expected outcome, so no stack trace; the HTTP layer decides the status.
 */
public final class AnalysisRefusedException extends RuntimeException {

  /** Why the request was refused. */
  public enum Reason {
    /** the request is well-formed but asks for what this deployment cannot do */
    INVALID_REQUEST,
    /** the key already stores its maximum number of analyses */
    QUOTA_FULL
  }

  private final Reason reason;
  private final String field;

  private AnalysisRefusedException(Reason reason, String field, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.field = field;
  }

  public static AnalysisRefusedException invalid(String field, String message) {
    return new AnalysisRefusedException(Reason.INVALID_REQUEST, field, message);
  }

  public static AnalysisRefusedException quotaFull(long analysesPerKey) {
    return new AnalysisRefusedException(Reason.QUOTA_FULL, null,
        "this key already stores " + analysesPerKey + " analyses");
  }

  public Reason reason() {
    return reason;
  }

  /** The request field at fault; null when the refusal is not about one field. */
  public String field() {
    return field;
  }
}
