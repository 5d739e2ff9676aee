package org.patientinsight.jobs.tables;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Names, locations and schemas of the warehouse's Delta tables (see design.md, "Data contracts"). */
public final class Tables {
  private Tables() {}

  public static final String CASES = "cases";
  public static final String QUARANTINE = "quarantine";
  public static final String EMBEDDINGS = "embeddings";
  public static final String QUALITY_RUNS = "quality_runs";
  public static final String DRIFT_REPORTS = "drift_reports";

  public static final DataType DICT = DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType);

  public static final StructType REASON = new StructType(new StructField[] {
      field("code", DataTypes.StringType, false),
      field("message", DataTypes.StringType, false)});

  /** The published case: one row per patient_uid. */
  public static final StructType CASES_SCHEMA = new StructType(new StructField[] {
      field("patient_uid", DataTypes.StringType, false),
      field("pmid", DataTypes.StringType, true),
      field("title", DataTypes.StringType, true),
      field("note", DataTypes.StringType, true),
      field("age_years", DataTypes.DoubleType, true),
      field("age_source", DataTypes.StringType, false),
      field("gender", DataTypes.StringType, true),
      field("gender_source", DataTypes.StringType, false),
      field("relevant_articles", DICT, true),
      field("similar_patients", DICT, true),
      field("note_chars", DataTypes.IntegerType, false),
      field("content_hash", DataTypes.StringType, false),
      field("source_uri", DataTypes.StringType, true),
      field("run_id", DataTypes.StringType, false),
      field("ingested_at", DataTypes.TimestampType, false)});

  /** A row that could not be used, kept whole with the reasons why. */
  public static final StructType QUARANTINE_SCHEMA = new StructType(new StructField[] {
      field("run_id", DataTypes.StringType, false),
      field("source_uri", DataTypes.StringType, true),
      field("patient_uid", DataTypes.StringType, true),
      field("raw_record", DataTypes.StringType, true),
      field("reasons", DataTypes.createArrayType(REASON, false), false),
      field("quarantined_at", DataTypes.TimestampType, false)});

  public static String path(String warehouse, String table) {
    return stripSlash(warehouse) + "/" + table;
  }

  public static String stripSlash(String uri) {
    String u = uri;
    while (u.length() > 1 && u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  private static StructField field(String name, DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }
}
