package org.patientinsight.core.alert;

/** A sink could not deliver an alert; the message says which sink and why (never a secret). */
public final class AlertDeliveryException extends RuntimeException {
  public AlertDeliveryException(String message) {
    super(message);
  }

  public AlertDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
