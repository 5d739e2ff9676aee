package org.patientinsight.serving.api;

/** A client-facing error: HTTP status, a stable code, the offending field (if any), a message. */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;
  private final Integer retryAfterSeconds;

  public ApiError(int status, String code, String field, String message) {
    this(status, code, field, message, null);
  }

  /** @param retryAfterSeconds sent as Retry-After (429, 503); null for none */
  public ApiError(int status, String code, String field, String message, Integer retryAfterSeconds) {
    super(message, null, false, false); // no stack trace: these are expected outcomes
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static ApiError badField(String field, String message) {
    return new ApiError(400, "bad_request", field, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
