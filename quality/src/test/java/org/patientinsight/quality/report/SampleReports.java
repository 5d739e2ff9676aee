package org.patientinsight.quality.report;


import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientinsight.quality.AnomalyOutcome;
import org.patientinsight.quality.AnomalyStatus;
import org.patientinsight.quality.CheckLevel;
import org.patientinsight.quality.CheckOutcome;
import org.patientinsight.quality.GateResult;
import org.patientinsight.quality.GateStatus;
import org.patientinsight.quality.profile.ColumnProfile;

/** Hand-built reports for renderer tests (no Spark). */
/** Typed report inputs for rendering and writing tests (public: quality publishes its test jar). */
public final class SampleReports {
  private SampleReports() {}

  public static StatsReport withRunId(String runId, String reasonCode) {
    List<Bin> age = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      age.add(new Bin(i * 5 + "–" + (i * 5 + 4), i * 5, i * 5 + 5, 10 + (i * 37) % 50));
    }
    List<Bin> notes = List.of(new Bin("0–250", 0, 250, 3), new Bin("250–500", 250, 500, 40),
        new Bin("≥ 500", 500, Double.POSITIVE_INFINITY, 100));
    Map<String, Double> completeness = new LinkedHashMap<>();
    completeness.put("patient_uid", 1.0);
    completeness.put("age_years", 0.93);
    ReportStats stats = new ReportStats(143, age, 10, 0, 44.2, 45.0,
        Map.of("M", 70L, "F", 68L, "unknown", 5L, "other", 0L), notes, 1800L, 4200L,
        Map.of("field", 120L, "text", 13L, "none", 10L, "other", 0L),
        Map.of("field", 130L, "text", 8L, "none", 5L, "other", 0L), completeness);
    GateResult gate = new GateResult(runId, "staged_batch", Instant.parse("2026-03-01T08:00:00Z"),
        143, GateStatus.FAILED_ERRORS,
        List.of(new CheckOutcome("patient_uid_unique", CheckLevel.ERROR,
                "uniqueness(patient_uid) = 1", "UniquenessConstraint(Uniqueness(List(patient_uid)))",
                false, 0.98, "98.00% unique (3 rows share a value)", "Value: 0.98 < 1"),
            new CheckOutcome("title_completeness", CheckLevel.WARNING, "completeness(title) >= 0.95",
                "CompletenessConstraint", true, 1.0, "100.00% complete (0 rows missing)", null)),
        List.of(new AnomalyOutcome("batch_size", "Size(*)", "between 0.5x and 2x",
            CheckLevel.WARNING, AnomalyStatus.ANOMALY, 143.0, 40.0, "anomaly")),
        Map.of("Size(*)", 143.0));
    List<ColumnProfile> profile = List.of(new ColumnProfile("gender", "String", 0.96, 2, null,
        null, null, null, Map.of("M", 70L, "F", 68L)));
    ObjectMapper om = new ObjectMapper();
    ReportSection drift = new ReportSection("Age drift", "<p>KS D = 0.04</p>",
        om.createObjectNode().put("ks_d", 0.04));
    return new StatsReport(runId, "staged batch", Instant.parse("2026-03-01T08:00:05Z"),
        new RunCounts(160, 120, 10, 10, 15, 5), gate, stats, profile,
        List.of(new ReasonCount(reasonCode, 9), new ReasonCount("AGE_UNPARSEABLE", 6)),
        List.of(drift));
  }
}
