package org.patientinsight.quality.runs;

import org.patientinsight.core.config.WarehouseLayout;
import static org.patientinsight.contract.QualityRunsTable.KEY;
import static org.patientinsight.contract.QualityRunsTable.SCHEMA;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.quality.AnomalyOutcome;
import org.patientinsight.quality.CheckOutcome;
import org.patientinsight.quality.GateResult;
import org.patientinsight.quality.profile.ColumnProfile;

/**
 * Writes the {@code quality_runs} Delta table under the warehouse (its layout is the case
 * contract's {@link org.patientinsight.contract.QualityRunsTable}): one row per run (key
 * {@code run_id}) with the verdict, the checks and anomaly checks as arrays of structs, every
 * Deequ metric as a map and the column profile summary. One row per run keeps a run's story
 * in one place; a notebook flattens it with {@code explode(checks)}. Written as one atomic
 * Delta commit (a MERGE on run_id, so writing a run twice leaves one row).
 */
public final class QualityRunsTable {
  public static final String NAME = org.patientinsight.contract.QualityRunsTable.NAME;

  private QualityRunsTable() {}

  /** Records a run without a column profile. */
  public static void append(SparkSession spark, WarehouseLayout warehouse, GateResult result) {
    append(spark, warehouse, result, List.of());
  }

  /** Records a run (one atomic Delta commit). */
  public static void append(SparkSession spark, WarehouseLayout warehouse, GateResult result,
      List<ColumnProfile> profile) {
    Objects.requireNonNull(result, "result");
    String path = warehouse.table(NAME);
    Dataset<Row> row = spark.createDataFrame(List.of(toRow(result, profile)), SCHEMA);
    if (DeltaTable.isDeltaTable(spark, path)) {
      DeltaTable.forPath(spark, path).as("t")
          .merge(row.as("s"), KEY.mergeCondition("t", "s"))
          .whenMatched().updateAll()
          .whenNotMatched().insertAll()
          .execute();
    } else {
      row.write().format("delta").mode("append").save(path);
    }
  }

  static Row toRow(GateResult r, List<ColumnProfile> profile) {
    List<Row> checks = new ArrayList<>();
    for (CheckOutcome c : r.checks()) {
      checks.add(RowFactory.create(c.name(), c.level().name(), c.requirement(), c.passed(),
          c.observedValue(), c.observed(), c.message()));
    }
    List<Row> anomalies = new ArrayList<>();
    for (AnomalyOutcome a : r.anomalies()) {
      anomalies.add(RowFactory.create(a.name(), a.metric(), a.strategy(), a.level().name(),
          a.status().name(), a.currentValue(), a.previousValue(), a.message()));
    }
    List<Row> columns = new ArrayList<>();
    for (ColumnProfile p : profile) {
      columns.add(RowFactory.create(p.column(), p.dataType(), p.completeness(),
          p.approxDistinct(), p.minimum(), p.maximum(), p.mean(), p.stdDev()));
    }
    List<String> failed = r.failedErrorChecks().stream().map(CheckOutcome::name).toList();
    return RowFactory.create(r.runId(), r.dataset(), Timestamp.from(r.checkedAt()),
        r.status().name(), r.blocksPublish(), r.rowCount(), failed, checks, anomalies,
        r.metrics(), columns);
  }
}
