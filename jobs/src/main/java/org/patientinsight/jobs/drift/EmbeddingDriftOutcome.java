package org.patientinsight.jobs.drift;

import java.util.List;
import java.util.Map;
import org.patientinsight.contract.DriftReportsTable;
import org.patientinsight.core.alert.Alert;
import org.patientinsight.jobs.run.StageResult;
import org.patientinsight.quality.drift.EmbeddingDriftReport;

/**
 * The embedding-drift comparison of one run, or why there was none ({@link #skipped}): the
 * report, its summary section, its HTML view, the alert raised and the {@code drift_reports}
 * version written.
 */
public record EmbeddingDriftOutcome(EmbeddingDriftReport report, Map<String, Object> section, String html,
    List<Alert> raised, long driftReportsVersion) implements StageResult {

  public EmbeddingDriftOutcome {
    section = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(section));
    raised = List.copyOf(raised);
  }

  static EmbeddingDriftOutcome skipped(String why) {
    return new EmbeddingDriftOutcome(null, Map.of("skipped", why), null, List.of(), -1);
  }

  public boolean compared() {
    return report != null;
  }

  @Override
  public Map<String, Object> sections() {
    return Map.of("embedding_drift", section);
  }

  @Override
  public Map<String, Long> tableVersions() {
    return driftReportsVersion >= 0 ? Map.of(DriftReportsTable.NAME, driftReportsVersion) : Map.of();
  }

  @Override
  public List<Alert> alerts() {
    return raised;
  }
}
