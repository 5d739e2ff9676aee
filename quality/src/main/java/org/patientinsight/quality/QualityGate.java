package org.patientinsight.quality;

import com.amazon.deequ.AnomalyCheckConfig;
import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationRunBuilder;
import com.amazon.deequ.VerificationRunBuilderWithRepository;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.checks.CheckLevel$;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.constraints.ConstraintStatus$;
import com.amazon.deequ.metrics.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.quality.checks.CaseCheck;
import org.patientinsight.quality.checks.CaseCheckSuite;
import org.patientinsight.quality.deequ.DeequMetrics;
import org.patientinsight.quality.deequ.ScalaInterop;
import org.patientinsight.quality.history.AnomalyRule;
import org.patientinsight.quality.history.AnomalyRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the case check suite and the cross-run anomaly checks on a batch with Deequ, stores the
 * run's metrics in the history and answers whether the batch may be published. Only plain Java
 * types go in and come out.
 */
public final class QualityGate {
  private static final Logger LOG = LoggerFactory.getLogger(QualityGate.class);
  /** Deequ's message when an anomaly check has nothing to compare with. */
  private static final String NO_HISTORY_MESSAGE = "There have to be previous results";
  private static final String ANOMALY_PREFIX = "anomaly:";

  private final QualityThresholds thresholds;

  public QualityGate(QualityThresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  /** Checks {@code batch} now. */
  public GateResult check(Dataset<Row> batch, String runId, QualityHistory history) {
    return check(batch, runId, history, Instant.now());
  }

  /**
   * Checks {@code batch} as of {@code checkedAt}, which also keys the stored metrics (runs are
   * compared in this order).
   *
   * @throws IllegalArgumentException when the batch lacks a column the checks need
   */
  public GateResult check(Dataset<Row> batch, String runId, QualityHistory history,
      Instant checkedAt) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(history, "history");
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("runId must not be blank");
    }
    requireColumns(batch);
    List<CaseCheck> checks = CaseCheckSuite.build(thresholds);
    List<AnomalyRule> rules = AnomalyRules.build(thresholds);
    boolean seeded = !history.hasBaseline(checkedAt);

    VerificationResult result = run(batch, checks, rules, history, checkedAt, seeded);
    Map<String, Double> metrics = DeequMetrics.flatten(ScalaInterop.list(
        result.metrics().values()));
    long rows = Math.round(metrics.getOrDefault("Size(*)", 0.0));
    Map<String, CheckResult> byName = new HashMap<>();
    for (CheckResult r : ScalaInterop.list(result.checkResults().values())) {
      byName.put(r.check().description(), r);
    }
    List<CheckOutcome> outcomes = new ArrayList<>();
    for (CaseCheck c : checks) {
      outcomes.add(outcome(c, byName.get(c.name()), rows));
    }
    List<AnomalyOutcome> anomalies = new ArrayList<>();
    for (AnomalyRule rule : rules) {
      anomalies.add(anomaly(rule, byName.get(ANOMALY_PREFIX + rule.name()), seeded, history,
          checkedAt, metrics));
    }
    GateStatus status = status(outcomes, anomalies);
    history.save(checkedAt, runId, status != GateStatus.FAILED_ERRORS, javaMetrics(result));
    GateResult gate = new GateResult(runId, history.dataset(), checkedAt, rows, status, outcomes,
        anomalies, metrics);
    LOG.info("quality gate run_id={} dataset={} rows={} status={} failed_errors={} warnings={}"
        + " anomalies={}", runId, history.dataset(), rows, status,
        gate.failedErrorChecks().size(), gate.failedWarningChecks().size(),
        gate.firedAnomalies().size());
    return gate;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private VerificationResult run(Dataset<Row> batch, List<CaseCheck> checks,
      List<AnomalyRule> rules, QualityHistory history, Instant checkedAt, boolean seeded) {
    VerificationRunBuilder builder = new VerificationSuite().onData(batch);
    for (CaseCheck c : checks) {
      builder = builder.addCheck(c.deequCheck());
    }
    // the anomaly metrics are stored on every run, including the first (that seeds history)
    for (AnomalyRule rule : rules) {
      builder = builder.addRequiredAnalyzer((Analyzer) rule.analyzer());
    }
    if (seeded) {
      return builder.run();
    }
    // useRepository copies the builder, so it must come after the checks were added
    VerificationRunBuilderWithRepository withRepo = builder.useRepository(history.repository());
    for (AnomalyRule rule : rules) {
      AnomalyCheckConfig config = new AnomalyCheckConfig(level(thresholds.anomalyLevel()),
          ANOMALY_PREFIX + rule.name(), ScalaInterop.map(history.baselineTags()),
          ScalaInterop.none(), ScalaInterop.some((Object) (checkedAt.toEpochMilli() - 1)));
      withRepo = withRepo.addAnomalyCheck(rule.strategy(), (Analyzer) rule.analyzer(),
          ScalaInterop.some(config));
    }
    return withRepo.run();
  }

  private static CheckOutcome outcome(CaseCheck c, CheckResult r, long rows) {
    if (r == null || r.constraintResults().isEmpty()) {
      throw new IllegalStateException("Deequ returned no result for check " + c.name());
    }
    ConstraintResult cr = r.constraintResults().head();
    boolean passed = cr.status() == ConstraintStatus$.MODULE$.Success();
    Metric<?> metric = ScalaInterop.orNull(cr.metric());
    Double value = DeequMetrics.valueOf(metric);
    String message = passed ? null : ScalaInterop.orNull(cr.message());
    return new CheckOutcome(c.name(), c.level(), c.requirement(), cr.constraint().toString(),
        passed, value, c.format().describe(value, rows, DeequMetrics.failureOf(metric)), message);
  }

  private AnomalyOutcome anomaly(AnomalyRule rule, CheckResult r, boolean seeded,
      QualityHistory history, Instant checkedAt, Map<String, Double> metrics) {
    Double current = metrics.get(rule.metric());
    if (seeded) {
      return new AnomalyOutcome(rule.name(), rule.metric(), rule.strategyText(),
          thresholds.anomalyLevel(), AnomalyStatus.SEEDED, current, null,
          "first accepted run of '" + history.dataset() + "': starts the history");
    }
    Double previous = history.previousValue(rule.analyzer(), checkedAt);
    ConstraintResult cr = r == null || r.constraintResults().isEmpty() ? null
        : r.constraintResults().head();
    String message = cr == null ? null : ScalaInterop.orNull(cr.message());
    if (cr == null || message != null && message.contains(NO_HISTORY_MESSAGE)) {
      return new AnomalyOutcome(rule.name(), rule.metric(), rule.strategyText(),
          thresholds.anomalyLevel(), AnomalyStatus.SEEDED, current, previous,
          "no comparable earlier run");
    }
    boolean normal = cr.status() == ConstraintStatus$.MODULE$.Success();
    return new AnomalyOutcome(rule.name(), rule.metric(), rule.strategyText(),
        thresholds.anomalyLevel(), normal ? AnomalyStatus.NORMAL : AnomalyStatus.ANOMALY,
        current, previous, normal ? null : message);
  }

  private static GateStatus status(List<CheckOutcome> checks, List<AnomalyOutcome> anomalies) {
    boolean error = checks.stream().anyMatch(c -> !c.passed() && c.level() == CheckLevel.ERROR)
        || anomalies.stream().anyMatch(a -> a.isAnomaly() && a.level() == CheckLevel.ERROR);
    if (error) {
      return GateStatus.FAILED_ERRORS;
    }
    boolean warning = checks.stream().anyMatch(c -> !c.passed())
        || anomalies.stream().anyMatch(AnomalyOutcome::isAnomaly);
    return warning ? GateStatus.PASSED_WITH_WARNINGS : GateStatus.PASSED;
  }

  private static scala.Enumeration.Value level(CheckLevel level) {
    return level == CheckLevel.ERROR ? CheckLevel$.MODULE$.Error() : CheckLevel$.MODULE$.Warning();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<Analyzer<?, ?>, Metric<?>> javaMetrics(VerificationResult result) {
    return (Map) ScalaInterop.javaMap(result.metrics());
  }

  /** Columns the check suite and report need; a batch without one of them is refused. */
  private static final List<String> REQUIRED_COLUMNS = List.of(CasesTable.PATIENT_UID, CasesTable.PMID,
      CasesTable.TITLE, CasesTable.NOTE, CasesTable.AGE_YEARS, CasesTable.AGE_SOURCE, CasesTable.GENDER,
      CasesTable.GENDER_SOURCE, CasesTable.NOTE_CHARS);

  private static void requireColumns(Dataset<Row> batch) {
    List<String> present = Arrays.asList(batch.columns());
    List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !present.contains(c))
        .toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("batch is missing required column(s) " + missing
          + "; it has " + present);
    }
  }
}
