package org.patientinsight.jobs.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patientinsight.jobs.dedup.NearDuplicateResult;
import org.patientinsight.jobs.drift.DriftOutcome;
import org.patientinsight.jobs.drift.DriftTrend;
import org.patientinsight.jobs.drift.EmbeddingDriftOutcome;
import org.patientinsight.jobs.ingest.IngestResult;
import org.patientinsight.jobs.quality.GateOutcome;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunRecord;
import org.patientinsight.jobs.run.RunResults;

import org.patientinsight.quality.report.ReportSection;
import org.patientinsight.quality.report.RunCounts;
import org.patientinsight.quality.report.StatsReport;
import org.patientinsight.report.NearDuplicateHtml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run's stats report ({@code report.html} + {@code report.json} under
 * {@code <warehouse>/reports/<run_id>/}) from the run record's counts and the stages' typed
 * results: the gate's outcome, quarantine reasons, the drift and near-duplicate views.
 */
public final class RunReport {
  private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReport() {}

  /**
   * Writes the report when the gate ran; returns where (the run's results gain it too), or
   * empty when there is nothing to report or writing failed. Never throws.
   */
  public static Optional<ReportWritten> write(RunContext ctx, RunRecord record, String what, boolean withCounts) {
    RunResults results = ctx.results();
    Optional<GateOutcome> gate = results.last(GateOutcome.class).filter(g -> !g.wasSkipped());
    if (gate.isEmpty()) {
      return Optional.empty(); // the gate did not run (skipped, or the run failed before it)
    }
    try {
      Map<String, Long> c = record.counts();
      RunCounts counts = withCounts ? new RunCounts(c.get("read"), c.get("inserted"), c.get("updated"),
          c.get("unchanged"), c.get("quarantined"), c.get("superseded") + c.getOrDefault("rejected", 0L)) : null;
      StatsReport report = new StatsReport(ctx.runId(), what, Instant.now(), counts, gate.get().result(),
          gate.get().stats(), gate.get().profile(),
          results.last(IngestResult.class).map(IngestResult::quarantineReasons).orElse(List.of()),
          extraSections(ctx, results));
      ReportFiles.Paths paths = ReportFiles.write(ctx.spark().sparkContext().hadoopConfiguration(),
          ctx.layout(), report);
      LOG.info("[{}] report: {}", ctx.runId(), paths.html());
      return Optional.of(results.add(new ReportWritten(paths.html(), paths.json())));
    } catch (RuntimeException e) {
      LOG.error("[{}] could not write the stats report: {}", ctx.runId(), e.getMessage());
      return Optional.empty();
    }
  }

  /** The report's local files (to attach to the tracked run); none when it went to S3. */
  public static List<Path> localFiles(Optional<ReportWritten> written) {
    List<Path> local = new ArrayList<>();
    written.ifPresent(w -> {
      for (String p : List.of(w.html(), w.json())) {
        String stripped = p.startsWith("file:") ? p.substring(5) : p;
        if (!stripped.contains("://")) {
          local.add(Path.of(stripped));
        }
      }
    });
    return local;
  }

  private static List<ReportSection> extraSections(RunContext ctx, RunResults results) {
    List<ReportSection> extra = new ArrayList<>();
    Optional<DriftOutcome> drift = results.last(DriftOutcome.class);
    drift.ifPresent(d -> extra.add(new ReportSection("Age drift vs baseline", d.html(), d.report().toJson(),
        d.report().verdict())));
    results.last(NearDuplicateResult.class).ifPresent(dups -> extra.add(new ReportSection(
        "Near-duplicate cases", NearDuplicateHtml.render(dups.view()), JSON.valueToTree(dups.toSummaryMap()),
        dups.checkPassed() ? null : "WARNING")));
    results.last(EmbeddingDriftOutcome.class).filter(EmbeddingDriftOutcome::compared).ifPresent(e -> extra.add(
        new ReportSection("Embedding drift vs baseline", e.html(), e.report().toJson(), e.report().verdict())));
    if (drift.isPresent()) {
      String trend = safeTrend(ctx);
      if (trend != null) {
        extra.add(new ReportSection("Drift trend", trend, null));
      }
    }
    return extra;
  }

  /** The drift trend chart; a problem reading drift_reports costs the chart, never the report. */
  private static String safeTrend(RunContext ctx) {
    try {
      return DriftTrend.html(ctx);
    } catch (RuntimeException e) {
      LOG.warn("[{}] no drift trend chart: {}", ctx.runId(), e.getMessage());
      return null;
    }
  }
}
