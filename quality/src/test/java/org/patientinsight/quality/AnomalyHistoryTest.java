package org.patientinsight.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.Settings;

/** Batch-size and completeness anomalies across runs kept in a file metrics repository. */
class AnomalyHistoryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static AnomalyOutcome named(GateResult r, String name) {
    return r.anomalies().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void firstRunSeedsThenASuddenBatchSizeJumpIsAnAnomaly() {
    String path = QualityTestSpark.freshDir("history").resolve("quality/metrics.json").toString();
    QualityHistory history = QualityHistory.open(QualityTestSpark.get(), path, "staged_batch");
    QualityGate gate = new QualityGate(QualityThresholds.defaults());

    GateResult first = gate.check(CaseBatches.batch(CaseBatches.cleanCases(40)), "r1", history,
        T0);
    assertEquals(GateStatus.PASSED, first.status(), "no false anomaly on the first run");
    first.anomalies().forEach(a -> assertEquals(AnomalyStatus.SEEDED, a.status()));
    assertNull(named(first, "batch_size").previousValue());

    GateResult second = gate.check(CaseBatches.batch(CaseBatches.cleanCases(44)), "r2",
        history, T0.plus(1, ChronoUnit.DAYS));
    GateResult third = gate.check(CaseBatches.batch(CaseBatches.cleanCases(36)), "r3", history,
        T0.plus(2, ChronoUnit.DAYS));
    for (GateResult normal : new GateResult[] {second, third}) {
      assertEquals(GateStatus.PASSED, normal.status(), normal.anomalies().toString());
      normal.anomalies().forEach(a -> assertEquals(AnomalyStatus.NORMAL, a.status()));
    }
    assertEquals(44.0, named(third, "batch_size").previousValue());

    // 36 -> 200 rows: more than double the last accepted batch
    GateResult jump = gate.check(CaseBatches.batch(CaseBatches.cleanCases(200)), "r4", history,
        T0.plus(3, ChronoUnit.DAYS));
    AnomalyOutcome size = named(jump, "batch_size");
    assertEquals(AnomalyStatus.ANOMALY, size.status());
    assertEquals(200.0, size.currentValue());
    assertEquals(36.0, size.previousValue());
    assertEquals(CheckLevel.WARNING, size.level());
    assertEquals(AnomalyStatus.NORMAL, named(jump, "age_completeness_change").status());
    assertEquals(GateStatus.PASSED_WITH_WARNINGS, jump.status(), "warning by default");
    assertFalse(jump.blocksPublish());
    assertEquals(4, history.runCount());

    // configured as Error, a completeness collapse blocks: 200 -> 190 rows, 20% ages missing
    // would also fail the Error completeness check, so relax that to isolate the anomaly
    QualityThresholds asError = QualityThresholds.from(Settings.defaults().with(Map.of(
        "quality.anomaly.level", "error", "quality.min_age_completeness", "0.5")));
    GateResult drop = new QualityGate(asError).check(CaseBatches.batch(190, c -> {
      if (Integer.parseInt(c.uid.substring(0, 7)) % 5 == 0) {
        c.age = null;
        c.ageSource = "none";
      }
      return c;
    }), "r5", history, T0.plus(4, ChronoUnit.DAYS));
    AnomalyOutcome age = named(drop, "age_completeness_change");
    assertEquals(AnomalyStatus.ANOMALY, age.status(), drop.anomalies().toString());
    assertEquals(1.0, age.previousValue());
    assertEquals(0.8, age.currentValue(), 1e-9);
    assertEquals(AnomalyStatus.NORMAL, named(drop, "batch_size").status());
    assertTrue(drop.blocksPublish());
    assertTrue(drop.failedErrorChecks().isEmpty());
    assertTrue(drop.blockingProblems().get(0).startsWith("anomaly age_completeness_change"),
        drop.blockingProblems().toString());
  }

  @Test
  void historiesOfDifferentDatasetsDoNotMix() {
    String path = QualityTestSpark.freshDir("mixed").resolve("metrics.json").toString();
    QualityGate gate = new QualityGate(QualityThresholds.defaults());
    gate.check(CaseBatches.batch(CaseBatches.cleanCases(10)), "b1",
        QualityHistory.open(QualityTestSpark.get(), path, "staged_batch"), T0);
    QualityHistory table = QualityHistory.open(QualityTestSpark.get(), path, "cases_table");
    assertFalse(table.hasBaseline(T0.plusSeconds(60)));
    assertTrue(QualityHistory.open(QualityTestSpark.get(), path, "staged_batch")
        .hasBaseline(T0.plusSeconds(60)));
  }
}
