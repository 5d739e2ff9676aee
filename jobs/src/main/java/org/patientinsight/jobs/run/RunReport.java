package org.patientinsight.jobs.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.patientinsight.jobs.drift.DriftStage;
import org.patientinsight.jobs.quality.QualityStep;
import org.patientinsight.quality.GateResult;
import org.patientinsight.quality.drift.DriftReport;
import org.patientinsight.quality.profile.ColumnProfile;
import org.patientinsight.quality.report.ReasonCount;
import org.patientinsight.quality.report.ReportFiles;
import org.patientinsight.quality.report.ReportSection;
import org.patientinsight.quality.report.ReportStats;
import org.patientinsight.quality.report.RunCounts;
import org.patientinsight.quality.report.StatsReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run's stats report ({@code report.html} + {@code report.json} under
 * {@code <warehouse>/reports/<run_id>/}) from what the stages attached: counts, the gate
 * result, profile and stats, quarantine reasons and the drift view.
 */
public final class RunReport {
  private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
  public static final String QUARANTINE_REASONS = "quarantine.reasons";

  private RunReport() {}

  /** The drift trend chart; a problem reading drift_reports costs the chart, never the report. */
  private static String safeTrend(RunContext ctx) {
    try {
      return org.patientinsight.jobs.drift.DriftTrend.html(ctx);
    } catch (RuntimeException e) {
      LOG.warn("[{}] no drift trend chart: {}", ctx.runId(), e.getMessage());
      return null;
    }
  }

  /** Returns the local report files (for tracking), or an empty list. Never throws. */
  public static List<Path> write(RunContext ctx, String what, boolean withCounts) {
    ReportStats stats = ctx.attachment(QualityStep.STATS);
    if (stats == null) {
      return List.of(); // the gate did not run (skipped, or the run failed before it)
    }
    try {
      RunSummary s = ctx.summary();
      Map<String, Long> c = s.counts();
      RunCounts counts = withCounts ? new RunCounts(c.get("read"), c.get("inserted"), c.get("updated"),
          c.get("unchanged"), c.get("quarantined"), c.get("superseded") + c.getOrDefault("rejected", 0L)) : null;
      GateResult gate = ctx.attachment(QualityStep.RESULT);
      List<ColumnProfile> profile = ctx.attachment(QualityStep.PROFILE);
      List<ReasonCount> reasons = ctx.attachment(QUARANTINE_REASONS);
      List<ReportSection> extra = new ArrayList<>();
      String driftHtml = ctx.attachment(DriftStage.REPORT_SECTION);
      DriftReport drift = ctx.attachment("drift.report");
      if (driftHtml != null && drift != null) {
        extra.add(new ReportSection("Age drift vs baseline", driftHtml, drift.toJson(), drift.verdict()));
      }
      String embeddingHtml = ctx.attachment(org.patientinsight.jobs.drift.EmbeddingDriftStage.REPORT_SECTION);
      org.patientinsight.quality.drift.EmbeddingDriftReport embedding =
          ctx.attachment(org.patientinsight.jobs.drift.EmbeddingDriftStage.REPORT);
      org.patientinsight.jobs.dedup.NearDuplicateResult dups =
          ctx.attachment(org.patientinsight.jobs.dedup.NearDuplicateStage.RESULT);
      if (dups != null) {
        extra.add(new ReportSection("Near-duplicate cases", dups.html(),
            new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(dups.toSummaryMap()),
            dups.checkPassed() ? null : "WARNING"));
      }
      if (embeddingHtml != null && embedding != null) {
        extra.add(new ReportSection("Embedding drift vs baseline", embeddingHtml, embedding.toJson(),
            embedding.verdict()));
      }
      if (drift != null) {
        String trend = safeTrend(ctx);
        if (trend != null) {
          extra.add(new ReportSection("Drift trend", trend, null));
        }
      }
      StatsReport report = new StatsReport(ctx.runId(), what, Instant.now(), counts, gate, stats,
          profile == null ? List.of() : profile, reasons == null ? List.of() : reasons, extra);
      ReportFiles.Paths paths = ReportFiles.write(ctx.spark().sparkContext().hadoopConfiguration(),
          ctx.warehouse(), report);
      @SuppressWarnings("unchecked")
      Map<String, Object> q = (Map<String, Object>) s.sections().computeIfAbsent("quality",
          k -> new java.util.LinkedHashMap<String, Object>());
      q.put("report_html", paths.html());
      q.put("report_json", paths.json());
      List<Path> local = new ArrayList<>();
      for (String p : List.of(paths.html(), paths.json())) {
        String stripped = p.startsWith("file:") ? p.substring(5) : p;
        if (!stripped.contains("://")) {
          local.add(Path.of(stripped));
        }
      }
      LOG.info("[{}] report: {}", ctx.runId(), paths.html());
      return local;
    } catch (RuntimeException e) {
      LOG.error("[{}] could not write the stats report: {}", ctx.runId(), e.getMessage());
      return List.of();
    }
  }
}
