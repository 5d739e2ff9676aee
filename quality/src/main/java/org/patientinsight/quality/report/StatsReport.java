package org.patientinsight.quality.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.patientinsight.quality.GateResult;
import org.patientinsight.quality.profile.ColumnProfile;

/**
 * Everything one run's report shows.
 *
 * @param runId the run
 * @param dataset what was checked, e.g. "staged batch" or "cases table"
 * @param generatedAt when the report was made
 * @param counts where the rows went (null for an on-demand check of a table)
 * @param gate the quality gate's result (null when the gate was skipped on purpose)
 * @param stats histograms and splits of the checked rows
 * @param profile Deequ's per-column statistics
 * @param quarantineReasons quarantined records per reason code, most frequent first
 * @param extraSections sections from other stages (e.g. age drift), shown after the built-ins
 */
public record StatsReport(
    String runId,
    String dataset,
    Instant generatedAt,
    RunCounts counts,
    GateResult gate,
    ReportStats stats,
    List<ColumnProfile> profile,
    List<ReasonCount> quarantineReasons,
    List<ReportSection> extraSections) {

  public StatsReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(stats, "stats");
    profile = profile == null ? List.of() : List.copyOf(profile);
    quarantineReasons = quarantineReasons == null ? List.of() : List.copyOf(quarantineReasons);
    extraSections = extraSections == null ? List.of() : List.copyOf(extraSections);
  }
}
