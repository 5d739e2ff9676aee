package org.patientinsight.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the quality gate decided about one batch, in plain Java types.
 *
 * @param runId the run the batch belongs to
 * @param dataset which history the batch was compared with (e.g. "staged_batch")
 * @param checkedAt when the checks ran (also the key of the stored metrics)
 * @param rowCount rows in the checked batch
 * @param status overall verdict
 * @param checks one outcome per check of the suite, Error checks first
 * @param anomalies one outcome per anomaly check
 * @param metrics every metric Deequ computed, keyed "Name(instance)", e.g. "Completeness(gender)"
 */
public record GateResult(
    String runId,
    String dataset,
    Instant checkedAt,
    long rowCount,
    GateStatus status,
    List<CheckOutcome> checks,
    List<AnomalyOutcome> anomalies,
    Map<String, Double> metrics) {

  public GateResult {
    checks = List.copyOf(checks);
    anomalies = List.copyOf(anomalies);
    metrics = Map.copyOf(metrics);
  }

  /** True when the batch must not be merged into {@code cases}. */
  public boolean blocksPublish() {
    return status == GateStatus.FAILED_ERRORS;
  }

  /** Error-level checks that failed (what made the run REJECTED). */
  public List<CheckOutcome> failedErrorChecks() {
    return checks.stream().filter(c -> !c.passed() && c.level() == CheckLevel.ERROR).toList();
  }

  /** Warning-level checks that failed. */
  public List<CheckOutcome> failedWarningChecks() {
    return checks.stream().filter(c -> !c.passed() && c.level() == CheckLevel.WARNING).toList();
  }

  /** Anomaly checks that fired. */
  public List<AnomalyOutcome> firedAnomalies() {
    return anomalies.stream().filter(AnomalyOutcome::isAnomaly).toList();
  }

  /**
   * One line per problem that blocks publishing, naming the constraint and its observed value,
   * for the run summary and the log (no patient text: only names and numbers).
   */
  public List<String> blockingProblems() {
    List<String> out = new java.util.ArrayList<>();
    for (CheckOutcome c : failedErrorChecks()) {
      out.add(c.name() + ": requires " + c.requirement() + ", observed " + c.observed());
    }
    for (AnomalyOutcome a : firedAnomalies()) {
      if (a.level() == CheckLevel.ERROR) {
        out.add("anomaly " + a.name() + ": " + a.strategy() + ", observed " + a.currentValue()
            + " after " + a.previousValue());
      }
    }
    return out;
  }
}
