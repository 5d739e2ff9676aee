package org.patientinsight.jobs.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.jobs.run.BatchRejected;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.jobs.tables.Tables;
import org.patientinsight.quality.CheckOutcome;
import org.patientinsight.quality.GateResult;
import org.patientinsight.quality.QualityGate;
import org.patientinsight.quality.QualityHistory;
import org.patientinsight.quality.QualityThresholds;
import org.patientinsight.quality.profile.CaseProfiler;
import org.patientinsight.quality.profile.ColumnProfile;
import org.patientinsight.quality.report.ReportStats;
import org.patientinsight.quality.report.ReportStatsCollector;
import org.patientinsight.quality.runs.QualityRunsTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality gate as a run step: Deequ checks on a dataset of cases, the profile and stats
 * the report needs, one {@code quality_runs} row, and a {@code quality} section in the run
 * summary. A failed Error check refuses the batch ({@link BatchRejected}) naming each failed
 * constraint with its observed value.
 */
public final class QualityStep {
  private static final Logger LOG = LoggerFactory.getLogger(QualityStep.class);
  public static final String RESULT = "quality.result";
  public static final String PROFILE = "quality.profile";
  public static final String STATS = "quality.stats";
  public static final String DATASET_BATCH = "staged_batch";
  public static final String DATASET_TABLE = "cases_table";

  private final RunContext ctx;

  public QualityStep(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Checks the cases; throws BatchRejected when an Error-level check fails. */
  public GateResult check(Dataset<Row> cases, String dataset) {
    QualityThresholds thresholds = QualityThresholds.from(ctx.settings());
    QualityHistory history = QualityHistory.open(ctx.spark(), QualityHistory.defaultPath(ctx.warehouse()), dataset);
    GateResult result = ctx.stage("quality-checks", () -> new QualityGate(thresholds).check(cases, ctx.runId(), history));
    List<ColumnProfile> profile = ctx.stage("quality-profile", () -> CaseProfiler.profile(cases));
    ReportStats stats = ctx.stage("quality-stats", () -> ReportStatsCollector.collect(cases));
    ctx.attach(RESULT, result);
    ctx.attach(PROFILE, profile);
    ctx.attach(STATS, stats);

    String runsPath = ctx.tablePath(Tables.QUALITY_RUNS);
    ctx.versions().remember(runsPath);
    ctx.stage("quality-record", () -> QualityRunsTable.append(ctx.spark(), ctx.warehouse(), result, profile));
    ctx.summary().tableVersion(Tables.QUALITY_RUNS, TableVersions.versionOf(ctx.spark(), runsPath));
    ctx.summary().section("quality", section(result));

    LOG.info("[{}] quality gate {}: {} checks, {} failed Error, {} failed Warning, {} anomalies",
        ctx.runId(), result.status(), result.checks().size(), result.failedErrorChecks().size(),
        result.failedWarningChecks().size(), result.firedAnomalies().size());
    for (CheckOutcome w : result.failedWarningChecks()) {
      LOG.warn("[{}] quality warning {}: observed {}", ctx.runId(), w.name(), w.observed());
    }
    if (result.blocksPublish()) {
      throw new BatchRejected("quality gate failed: " + String.join("; ", result.blockingProblems()));
    }
    return result;
  }

  /** Records that the gate was skipped on purpose (and says so loudly). */
  public void skip() {
    LOG.warn("[{}] *** QUALITY GATE SKIPPED (--skip-quality): this batch is published unchecked ***",
        ctx.runId());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", "SKIPPED");
    s.put("skipped_by", "--skip-quality");
    ctx.summary().section("quality", s);
  }

  private static Map<String, Object> section(GateResult r) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", r.status().name());
    s.put("checks", r.checks().size());
    long passed = r.checks().stream().filter(c -> c.passed()).count();
    s.put("passed_checks", passed);
    s.put("pass_ratio", r.checks().isEmpty() ? 1.0 : (double) passed / r.checks().size());
    s.put("failed_check_count", r.failedErrorChecks().size() + r.failedWarningChecks().size());
    s.put("failed_error_checks", r.blockingProblems());
    s.put("failed_warning_checks", r.failedWarningChecks().stream()
        .map(c -> c.name() + ": observed " + c.observed()).toList());
    s.put("anomalies", r.firedAnomalies().stream()
        .map(a -> a.level() + " " + a.name() + ": " + a.message()).toList());
    return s;
  }
}
