package org.patientinsight.jobs.quality;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.tables.TableVersions;
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
 * the report needs, and one {@code quality_runs} row, returned as a {@link GateOutcome}.
 */
public final class QualityStep {
  private static final Logger LOG = LoggerFactory.getLogger(QualityStep.class);
  public static final String DATASET_BATCH = "staged_batch";
  public static final String DATASET_TABLE = "cases_table";

  private final RunContext ctx;

  public QualityStep(RunContext ctx) {
    this.ctx = ctx;
  }

  /** Checks the cases and records the run in quality_runs; the outcome says whether they may be published. */
  public GateOutcome check(Dataset<Row> cases, String dataset) {
    QualityThresholds thresholds = QualityThresholds.from(ctx.settings());
    QualityHistory history = QualityHistory.open(ctx.spark(), ctx.layout().qualityMetrics(), dataset);
    GateResult result = ctx.stage("quality-checks", () -> new QualityGate(thresholds).check(cases, ctx.runId(), history));
    List<ColumnProfile> profile = ctx.stage("quality-profile", () -> CaseProfiler.profile(cases));
    ReportStats stats = ctx.stage("quality-stats", () -> ReportStatsCollector.collect(cases));

    String runsPath = ctx.layout().table(org.patientinsight.contract.QualityRunsTable.NAME);
    ctx.versions().remember(runsPath);
    ctx.stage("quality-record", () -> QualityRunsTable.append(ctx.spark(), ctx.layout(), result, profile));
    GateOutcome outcome = new GateOutcome(result, profile, stats, TableVersions.versionOf(ctx.spark(), runsPath));

    LOG.info("[{}] quality gate {}: {} checks, {} failed Error, {} failed Warning, {} anomalies",
        ctx.runId(), result.status(), result.checks().size(), result.failedErrorChecks().size(),
        result.failedWarningChecks().size(), result.firedAnomalies().size());
    for (CheckOutcome w : result.failedWarningChecks()) {
      LOG.warn("[{}] quality warning {}: observed {}", ctx.runId(), w.name(), w.observed());
    }
    return outcome;
  }

  /** The gate skipped on purpose (and said so loudly). */
  public GateOutcome skip() {
    LOG.warn("[{}] *** QUALITY GATE SKIPPED (--skip-quality): this batch is published unchecked ***",
        ctx.runId());
    return GateOutcome.skipped();
  }
}
