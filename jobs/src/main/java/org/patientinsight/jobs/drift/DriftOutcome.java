package org.patientinsight.jobs.drift;

import java.util.List;
import java.util.Map;
import org.patientinsight.contract.DriftReportsTable;
import org.patientinsight.core.alert.Alert;
import org.patientinsight.jobs.run.StageResult;
import org.patientinsight.quality.drift.DriftReport;

/**
 * The age-drift comparison of one run: the report (batch or table scope), its summary section
 * (with the whole table's figures beside a batch's), the report's HTML view, the alert it
 * raised, and the {@code drift_reports} version it wrote.
 */
public record DriftOutcome(DriftReport report, Map<String, Object> section, String html, List<Alert> raised,
    long driftReportsVersion) implements StageResult {

  public DriftOutcome {
    section = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(section));
    raised = List.copyOf(raised);
  }

  @Override
  public Map<String, Object> sections() {
    return Map.of("drift", section);
  }

  @Override
  public Map<String, Long> tableVersions() {
    return Map.of(DriftReportsTable.NAME, driftReportsVersion);
  }

  @Override
  public List<Alert> alerts() {
    return raised;
  }
}
