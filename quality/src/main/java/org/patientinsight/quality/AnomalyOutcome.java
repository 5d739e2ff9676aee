package org.patientinsight.quality;

/**
 * The result of one cross-run anomaly check.
 *
 * @param name stable identifier, e.g. {@code batch_size}
 * @param metric the Deequ metric compared across runs, e.g. "Size(*)"
 * @param strategy the allowed change in words
 * @param level level the anomaly is raised at (configurable)
 * @param status SEEDED on the first run (no history yet), NORMAL or ANOMALY
 * @param currentValue this run's value (null if it could not be computed)
 * @param previousValue the last accepted run's value (null when seeded)
 * @param message Deequ's message for an anomaly, or an explanation for SEEDED
 */
public record AnomalyOutcome(
    String name,
    String metric,
    String strategy,
    CheckLevel level,
    AnomalyStatus status,
    Double currentValue,
    Double previousValue,
    String message) {

  public boolean isAnomaly() {
    return status == AnomalyStatus.ANOMALY;
  }
}
