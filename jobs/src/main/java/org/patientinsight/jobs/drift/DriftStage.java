package org.patientinsight.jobs.drift;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.DriftReportsTable;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.quality.deequ.ScalaInterop;
import org.patientinsight.quality.drift.AgeBins;
import org.patientinsight.quality.drift.AgeHistogramAggregator;
import org.patientinsight.quality.drift.AgeHistograms;
import org.patientinsight.quality.drift.Baseline;
import org.patientinsight.quality.drift.BaselineStore;
import org.patientinsight.quality.drift.DriftPolicy;
import org.patientinsight.quality.drift.DriftReport;
import org.patientinsight.report.DriftSvg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drift stage: compares the age distribution of a batch (or the whole cases table) with the
 * pinned baseline, records a {@code drift_reports} row, and raises an alert when drift is
 * flagged; the {@link DriftOutcome} carries the summary section and the report's HTML view.
 * Histograms are Spark aggregations; no ages are collected to the driver.
 */
public final class DriftStage {
  private static final Logger LOG = LoggerFactory.getLogger(DriftStage.class);

  private final RunContext ctx;

  public DriftStage(RunContext ctx) {
    this.ctx = ctx;
  }

  private String baselineName() {
    return ctx.settings().get("drift.baseline_name");
  }

  private BaselineStore store() {
    return BaselineStore.forWarehouse(ctx.layout(), ctx.spark().sparkContext().hadoopConfiguration());
  }

  /** Pins a new baseline version from the given cases-table version. */
  public Baseline pinBaseline(long casesVersion) {
    String cases = ctx.layout().table(CasesTable.NAME);
    long latest = TableVersions.versionOf(ctx.spark(), cases);
    if (latest < 0) {
      throw new JobFailure("no cases table at " + cases + "; run 'pipeline' or 'ingest' first");
    }
    if (casesVersion < 0 || casesVersion > latest) {
      throw new JobFailure("--from-version must be between 0 and " + latest + ", got " + casesVersion);
    }
    Dataset<Row> snapshot = ctx.spark().read().format("delta").option("versionAsOf", casesVersion).load(cases);
    AgeHistograms h = AgeHistogramAggregator.compute(snapshot, CasesTable.AGE_YEARS, CasesTable.GENDER, bins());
    Baseline b = store().save(baselineName(), CasesTable.NAME, casesVersion, h);
    LOG.info("[{}] pinned age baseline {} from cases v{}", ctx.runId(), b.ref(), casesVersion);
    return b;
  }

  /** The latest baseline, pinned from the first published cases version when there is none. */
  public Baseline baseline() {
    return baselineForRun().baseline();
  }

  /** A baseline and whether this run pinned it (then the batch was compared with itself). */
  record Resolved(Baseline baseline, boolean pinnedNow) {}

  private Resolved baselineForRun() {
    Optional<Baseline> b = store().latest(baselineName());
    if (b.isPresent()) {
      return new Resolved(b.get(), false);
    }
    long first = firstVersionWithRows();
    return new Resolved(pinBaseline(first), true);
  }

  private long firstVersionWithRows() {
    String cases = ctx.layout().table(CasesTable.NAME);
    long latest = TableVersions.versionOf(ctx.spark(), cases);
    if (latest < 0) {
      throw new JobFailure("no cases table at " + cases + "; run 'pipeline' or 'ingest' first");
    }
    for (long v = 0; v <= latest; v++) {
      if (!ctx.spark().read().format("delta").option("versionAsOf", v).load(cases).isEmpty()) {
        return v;
      }
    }
    return latest;
  }

  /**
   * Runs the comparison. With a batch, its cases are compared ("batch" scope) and the whole
   * table's figures are added beside them; without one, the whole table is ("table" scope).
   */
  public DriftOutcome run(Dataset<Row> batch) {
    Resolved resolved = baselineForRun();
    Baseline baseline = resolved.baseline();
    // pinned now from the first cases version: a first pipeline run compares the batch with itself
    boolean pinnedNow = resolved.pinnedNow()
        && baseline.sourceVersion() == TableVersions.versionOf(ctx.spark(), ctx.layout().table(CasesTable.NAME));
    DriftPolicy policy = DriftPolicy.fromSettings(ctx.settings());
    Dataset<Row> table = ctx.spark().read().format("delta").load(ctx.layout().table(CasesTable.NAME));
    AgeHistograms tableHist = AgeHistogramAggregator.compute(table, CasesTable.AGE_YEARS, CasesTable.GENDER, bins());
    DriftReport report;
    String html;
    Map<String, Object> section = new LinkedHashMap<>();
    if (batch != null) {
      AgeHistograms batchHist = AgeHistogramAggregator.compute(batch, CasesTable.AGE_YEARS, CasesTable.GENDER, bins());
      report = DriftReport.evaluate(baseline, batchHist, "batch", policy, pinnedNow);
      section.putAll(report.toSummaryMap());
      section.put("table", DriftReport.evaluate(baseline, tableHist, "table", policy, pinnedNow).toSummaryMap());
      html = DriftSvg.renderHtmlSection(report, baseline.histograms().overall(), batchHist.overall());
    } else {
      report = DriftReport.evaluate(baseline, tableHist, "table", policy, pinnedNow);
      section.putAll(report.toSummaryMap());
      html = DriftSvg.renderHtmlSection(report, baseline.histograms().overall(), tableHist.overall());
    }
    section.put("per_sex", report.perSexMaps());
    section.put("reasons", report.reasons());
    DriftAlerts.Dispatched alert = DriftAlerts.dispatch(ctx, report.finding());
    section.putAll(alert.figures());
    long version = writeReportRow(report);
    return new DriftOutcome(report, section, html, alert.raised(), version);
  }

  private long writeReportRow(DriftReport r) {
    Map<String, Object> m = r.toSummaryMap();
    Row row = RowFactory.create(ctx.runId(), Timestamp.from(Instant.now()), r.scope(), r.baseline().ref(),
        r.baseline().version(), r.baseline().sourceVersion(), asLong(m.get("n_batch")),
        asLong(m.get("n_baseline")), asDouble(m.get("ks_d")), asDouble(m.get("ks_p")), asDouble(m.get("psi")),
        asDouble(m.get("js")), asDouble(m.get("mean_shift_years")), asDouble(m.get("median_shift_years")),
        asDouble(m.get("missing_share_batch")), asDouble(m.get("missing_share_baseline")),
        Boolean.TRUE.equals(m.get("alert")), Boolean.TRUE.equals(m.get("warning")),
        ScalaInterop.seq(r.reasons()), r.toJsonString(),
        asDouble(m.get("wasserstein_norm")), asDouble(m.get("female_share_change")),
        asDouble(m.get("age_completeness_change")), asDouble(m.get("sex_completeness_change")), null, null, null);
    return appendReportRow(ctx, row);
  }

  /** Appends one row of {@link DriftReportsTable#SCHEMA} to {@code drift_reports} (rolled back with a failed run); returns its version. */
  static long appendReportRow(RunContext ctx, Row row) {
    SparkSession spark = ctx.spark();
    String path = ctx.layout().table(DriftReportsTable.NAME);
    ctx.versions().remember(path);
    spark.createDataFrame(List.of(row), DriftReportsTable.SCHEMA).write().format("delta").mode("append")
        .option("mergeSchema", "true").save(path);
    return TableVersions.versionOf(spark, path);
  }

  private AgeBins bins() {
    return DriftPolicy.binsFromSettings(ctx.settings());
  }

  private static Long asLong(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }

  private static Double asDouble(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }
}
