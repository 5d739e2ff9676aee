package org.patientinsight.core.alert;

/**
 * Somewhere alerts go. Implementations throw {@link AlertDeliveryException} (or any runtime
 * exception) when delivery fails; {@link AlertDispatcher} catches, logs and counts that, so a
 * failing sink never fails a pipeline run.
 */
public interface AlertSink {

  /** Short stable name used in logs and counters, e.g. {@code webhook}. */
  String name();

  void send(Alert alert);
}
