package org.patientinsight.quality.runs;

import org.patientinsight.core.config.WarehouseLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.patientinsight.quality.AnomalyOutcome;
import org.patientinsight.quality.AnomalyStatus;
import org.patientinsight.quality.CheckLevel;
import org.patientinsight.quality.CheckOutcome;
import org.patientinsight.quality.GateResult;
import org.patientinsight.quality.GateStatus;
import org.patientinsight.quality.QualityTestSpark;
import org.patientinsight.quality.profile.ColumnProfile;

class QualityRunsTableTest {
  static GateResult result(String runId, boolean uniquePasses) {
    return new GateResult(runId, "staged_batch", Instant.parse("2026-02-01T10:00:00Z"), 40,
        uniquePasses ? GateStatus.PASSED : GateStatus.FAILED_ERRORS,
        List.of(
            new CheckOutcome("patient_uid_unique", CheckLevel.ERROR, "uniqueness(patient_uid) = 1",
                "UniquenessConstraint(...)", uniquePasses, uniquePasses ? 1.0 : 0.925,
                uniquePasses ? "100.00% unique" : "92.50% unique", uniquePasses ? null
                    : "Value: 0.925 does not meet the constraint requirement!"),
            new CheckOutcome("title_completeness", CheckLevel.WARNING, "completeness(title) >= 0.95",
                "CompletenessConstraint(...)", true, 1.0, "100.00% complete", null)),
        List.of(new AnomalyOutcome("batch_size", "Size(*)", "x", CheckLevel.WARNING,
            AnomalyStatus.SEEDED, 40.0, null, "first run")),
        Map.of("Size(*)", 40.0, "Uniqueness(patient_uid)", uniquePasses ? 1.0 : 0.925));
  }

  @Test
  void appendsOneRowPerRunAtomicallyAndIdempotently() {
    SparkSession spark = QualityTestSpark.get();
    WarehouseLayout warehouse = WarehouseLayout.of(QualityTestSpark.freshDir("wh").toString());
    List<ColumnProfile> profile = List.of(new ColumnProfile("age_years", "Fractional", 0.95, 37,
        1.0, 89.0, 44.5, 20.1, Map.of()));

    QualityRunsTable.append(spark, warehouse, result("run-a", false), profile);
    QualityRunsTable.append(spark, warehouse, result("run-b", true));
    QualityRunsTable.append(spark, warehouse, result("run-b", true)); // retried write

    Dataset<Row> runs = spark.read().format("delta").load(warehouse.table(QualityRunsTable.NAME));
    assertEquals(2, runs.count());
    Row a = runs.where("run_id = 'run-a'").first();
    assertEquals("FAILED_ERRORS", a.getAs("status"));
    assertTrue((Boolean) a.getAs("blocks_publish"));
    assertEquals(List.of("patient_uid_unique"), a.getList(a.fieldIndex("failed_error_checks")));
    assertEquals(0.925, (Double) a.getJavaMap(a.fieldIndex("metrics")).get(
        "Uniqueness(patient_uid)"));

    // what a notebook user does: one row per check
    Row failed = runs.selectExpr("run_id", "explode(checks) AS c")
        .where("NOT c.passed").selectExpr("run_id", "c.name", "c.observed_value").first();
    assertEquals("run-a", failed.getString(0));
    assertEquals("patient_uid_unique", failed.getString(1));
    assertEquals(0.925, failed.getDouble(2));
    assertEquals(89.0, runs.where("run_id = 'run-a'").selectExpr("profile[0].maximum").first()
        .getDouble(0));
    assertFalse(runs.where("run_id = 'run-b'").selectExpr("size(profile)").first().getInt(0)
        > 0);
    // 1 create + 2 merges: every write is one Delta commit
    assertEquals(3, spark.sql("DESCRIBE HISTORY delta.`" + warehouse.table(QualityRunsTable.NAME)
        + "`").count());
  }
}
