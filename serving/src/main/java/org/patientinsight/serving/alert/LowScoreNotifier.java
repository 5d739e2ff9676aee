package org.patientinsight.serving.alert;

/** Told about every low-score retrieval; implementations must not block the request for long. */
public interface LowScoreNotifier extends AutoCloseable {
  void notify(LowScoreEvent event);

  @Override
  default void close() {}
}
