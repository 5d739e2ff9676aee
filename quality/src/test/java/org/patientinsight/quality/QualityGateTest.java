package org.patientinsight.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class QualityGateTest {
  private final QualityGate gate = new QualityGate(QualityThresholds.defaults());

  private GateResult check(Dataset<Row> batch, String runId) {
    QualityHistory history = QualityHistory.open(QualityTestSpark.get(),
        QualityTestSpark.freshDir("gate").resolve("metrics.json").toString(), "staged_batch");
    return gate.check(batch, runId, history);
  }

  private static CheckOutcome named(GateResult r, String name) {
    return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void cleanBatchPassesAndSeedsTheHistory() {
    GateResult r = check(CaseBatches.batch(CaseBatches.cleanCases(40)), "run-clean");

    assertEquals(GateStatus.PASSED, r.status(), () -> r.checks().toString());
    assertFalse(r.blocksPublish());
    assertEquals(40, r.rowCount());
    assertTrue(r.failedErrorChecks().isEmpty());
    assertEquals(14, r.checks().size());
    assertEquals(1.0, named(r, "patient_uid_unique").observedValue());
    assertEquals(1.0, r.metrics().get("Completeness(age_years)"));
    assertEquals(40.0, r.metrics().get("Size(*)"));
    assertEquals(3, r.anomalies().size());
    r.anomalies().forEach(a -> assertEquals(AnomalyStatus.SEEDED, a.status(), a.toString()));
  }

  @Test
  void duplicatePatientUidsBlockAndNameTheConstraint() {
    // rows 1 and 2 reuse row 0's id: 3 of 40 rows share a value
    GateResult r = check(CaseBatches.batch(40, c -> {
      if (c.uid.equals("7000001-1") || c.uid.equals("7000002-1")) {
        c.uid = "7000000-1";
      }
      return c;
    }), "run-dupes");

    assertEquals(GateStatus.FAILED_ERRORS, r.status());
    assertTrue(r.blocksPublish());
    CheckOutcome unique = named(r, "patient_uid_unique");
    assertFalse(unique.passed());
    assertEquals(37.0 / 40, unique.observedValue(), 1e-9);
    assertEquals(List.of("patient_uid_unique"),
        r.failedErrorChecks().stream().map(CheckOutcome::name).toList());
    String line = r.blockingProblems().get(0);
    assertTrue(line.startsWith("patient_uid_unique: requires uniqueness(patient_uid) = 1"), line);
    assertTrue(line.contains("92.50% unique (3 rows share a value)"), line);
  }

  @Test
  void agesOutOfRangeBlockButMissingAgesDoNot() {
    GateResult r = check(CaseBatches.batch(40, c -> {
      if (c.uid.equals("7000003-1")) {
        c.age = 150.0;
      } else if (c.uid.equals("7000004-1")) {
        c.age = -1.0;
      } else if (c.uid.equals("7000005-1")) {
        c.age = null; // absent ages are a completeness matter, not a range violation
      }
      return c;
    }), "run-ages");

    assertTrue(r.blocksPublish());
    CheckOutcome range = named(r, "age_in_range");
    assertFalse(range.passed());
    assertEquals(38.0 / 40, range.observedValue(), 1e-9);
    assertTrue(range.observed().contains("2 rows violate"), range.observed());
    assertTrue(named(r, "age_completeness").passed());
    assertEquals(List.of("age_in_range"),
        r.failedErrorChecks().stream().map(CheckOutcome::name).toList());
  }

  @Test
  void ageCompletenessBelowThresholdBlocks() {
    // 5 of 40 ages missing: 87.5% < 90%
    GateResult r = check(CaseBatches.batch(40, c -> {
      if (Integer.parseInt(c.uid.substring(0, 7)) % 8 == 0) {
        c.age = null;
        c.ageSource = "none";
      }
      return c;
    }), "run-age-completeness");

    assertTrue(r.blocksPublish());
    CheckOutcome completeness = named(r, "age_completeness");
    assertFalse(completeness.passed());
    assertEquals(0.875, completeness.observedValue(), 1e-9);
    assertEquals("completeness(age_years) >= 0.90", completeness.requirement());
    assertTrue(r.blockingProblems().get(0).contains("87.50% complete (5 rows missing)"),
        r.blockingProblems().toString());
  }

  @Test
  void badValuesFailTheirChecksAndWarningsDoNotBlock() {
    GateResult r = check(CaseBatches.batch(40, c -> {
      int i = Integer.parseInt(c.uid.substring(0, 7)) - 7000000;
      if (i == 6) {
        c.pmid = "PMC123"; // not all digits
      }
      if (i == 7) {
        c.gender = "X";
      }
      if (i == 8) {
        c.note = "too short";
      }
      if (i >= 30) {
        c.title = null; // 25% without title: a warning only
      }
      return c;
    }), "run-mixed");

    assertTrue(r.blocksPublish());
    assertEquals(List.of("note_min_length", "pmid_digits", "gender_values"),
        r.failedErrorChecks().stream().map(CheckOutcome::name).toList());
    assertEquals(9.0, named(r, "note_min_length").observedValue());
    CheckOutcome title = named(r, "title_completeness");
    assertFalse(title.passed());
    assertEquals(CheckLevel.WARNING, title.level());
    assertEquals(List.of("title_completeness"),
        r.failedWarningChecks().stream().map(CheckOutcome::name).toList());
  }

  @Test
  void warningsAloneStillPublish() {
    QualityThresholds strict = QualityThresholds.from(
        org.patientinsight.core.config.Settings.defaults().with(
            Map.of("quality.max_age_from_text_share", "0.05")));
    QualityHistory history = QualityHistory.open(QualityTestSpark.get(),
        QualityTestSpark.freshDir("warn").resolve("metrics.json").toString(), "staged_batch");
    GateResult r = new QualityGate(strict).check(CaseBatches.batch(CaseBatches.cleanCases(40)),
        "run-warn", history);

    assertEquals(GateStatus.PASSED_WITH_WARNINGS, r.status());
    assertFalse(r.blocksPublish());
    CheckOutcome share = named(r, "age_from_text_share");
    assertEquals(0.1, share.observedValue(), 1e-9);
    assertNotNull(share.message());
  }

  @Test
  void emptyBatchIsRejectedWithAClearReason() {
    GateResult r = check(CaseBatches.batch(List.of()), "run-empty");

    assertTrue(r.blocksPublish());
    assertEquals(0, r.rowCount());
    CheckOutcome notEmpty = named(r, "batch_not_empty");
    assertFalse(notEmpty.passed());
    assertEquals("0 rows", notEmpty.observed());
    assertTrue(r.blockingProblems().get(0).startsWith("batch_not_empty: requires row count > 0"),
        r.blockingProblems().toString());
  }

  @Test
  void batchWithoutARequiredColumnIsRefusedNamingIt() {
    Dataset<Row> batch = CaseBatches.batch(CaseBatches.cleanCases(3)).drop("gender");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> check(batch, "run-schema"));
    assertTrue(e.getMessage().contains("[gender]"), e.getMessage());
  }
}
