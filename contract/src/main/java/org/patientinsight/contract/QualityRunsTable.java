package org.patientinsight.contract;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code quality_runs}: one row per quality-gate run (MERGEd on run_id, so a retried write
 * leaves one row) with the verdict, the checks and anomaly checks as arrays of structs, every
 * Deequ metric as a map and the column profile summary.
 */
public final class QualityRunsTable {
  private QualityRunsTable() {}

  public static final String NAME = "quality_runs";

  public static final String RUN_ID = CasesTable.RUN_ID;
  /** the checked data: a staged batch or a table name */
  public static final String DATASET = "dataset";
  public static final String CHECKED_AT = "checked_at";
  public static final String STATUS = "status";
  public static final String BLOCKS_PUBLISH = "blocks_publish";
  public static final String ROW_COUNT = "row_count";
  public static final String FAILED_ERROR_CHECKS = "failed_error_checks";
  public static final String CHECKS = "checks";
  public static final String ANOMALIES = "anomalies";
  public static final String METRICS = "metrics";
  public static final String PROFILE = "profile";

  public static final TableKey KEY = TableKey.of(RUN_ID);

  /** One element of {@link #CHECKS}. */
  public static final StructType CHECK = new StructType()
      .add("name", DataTypes.StringType, false)
      .add("level", DataTypes.StringType, false)
      .add("requirement", DataTypes.StringType, false)
      .add("passed", DataTypes.BooleanType, false)
      .add("observed_value", DataTypes.DoubleType, true)
      .add("observed", DataTypes.StringType, true)
      .add("message", DataTypes.StringType, true);

  /** One element of {@link #ANOMALIES}. */
  public static final StructType ANOMALY = new StructType()
      .add("name", DataTypes.StringType, false)
      .add("metric", DataTypes.StringType, false)
      .add("strategy", DataTypes.StringType, false)
      .add("level", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("current_value", DataTypes.DoubleType, true)
      .add("previous_value", DataTypes.DoubleType, true)
      .add("message", DataTypes.StringType, true);

  /** One element of {@link #PROFILE}: one profiled column. */
  public static final StructType COLUMN_PROFILE = new StructType()
      .add("column", DataTypes.StringType, false)
      .add("data_type", DataTypes.StringType, true)
      .add("completeness", DataTypes.DoubleType, false)
      .add("approx_distinct", DataTypes.LongType, false)
      .add("minimum", DataTypes.DoubleType, true)
      .add("maximum", DataTypes.DoubleType, true)
      .add("mean", DataTypes.DoubleType, true)
      .add("std_dev", DataTypes.DoubleType, true);

  public static final StructType SCHEMA = new StructType()
      .add(RUN_ID, DataTypes.StringType, false)
      .add(DATASET, DataTypes.StringType, false)
      .add(CHECKED_AT, DataTypes.TimestampType, false)
      .add(STATUS, DataTypes.StringType, false)
      .add(BLOCKS_PUBLISH, DataTypes.BooleanType, false)
      .add(ROW_COUNT, DataTypes.LongType, false)
      .add(FAILED_ERROR_CHECKS, DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add(CHECKS, DataTypes.createArrayType(CHECK, false), false)
      .add(ANOMALIES, DataTypes.createArrayType(ANOMALY, false), false)
      .add(METRICS, DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false)
      .add(PROFILE, DataTypes.createArrayType(COLUMN_PROFILE, false), false);
}
