package org.patientinsight.core.tracking;

/** An MLflow REST call that did not succeed: HTTP status, MLflow error code and message. */
final class MlflowApiException extends Exception {
  private final int status;
  private final String errorCode;

  MlflowApiException(String call, int status, String errorCode, String message) {
    super(call + " -> HTTP " + status + (errorCode == null ? "" : " " + errorCode)
        + (message == null || message.isBlank() ? "" : ": " + shorten(message)));
    this.status = status;
    this.errorCode = errorCode;
  }

  int status() {
    return status;
  }

  String errorCode() {
    return errorCode;
  }

  private static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }
}
