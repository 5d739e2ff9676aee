package org.patientinsight.jobs.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.patientinsight.jobs.tables.Tables;

/** The shape of a raw row after cleaning: a usable case, or a quarantined record with reasons. */
public final class StagedColumns {
  private StagedColumns() {}

  public static final String KIND = "kind";
  public static final String KIND_CASE = "case";
  public static final String KIND_QUARANTINE = "quarantine";
  public static final String SEQ = "seq";
  public static final String SOURCE_URI = "source_uri";
  public static final String REASONS = "reasons";
  public static final String RAW_RECORD = "raw_record";

  public static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField(KIND, DataTypes.StringType, false),
      DataTypes.createStructField(SEQ, DataTypes.LongType, false),
      DataTypes.createStructField(SOURCE_URI, DataTypes.StringType, true),
      DataTypes.createStructField("patient_uid", DataTypes.StringType, true),
      DataTypes.createStructField("pmid", DataTypes.StringType, true),
      DataTypes.createStructField("title", DataTypes.StringType, true),
      DataTypes.createStructField("note", DataTypes.StringType, true),
      DataTypes.createStructField("age_years", DataTypes.DoubleType, true),
      DataTypes.createStructField("age_source", DataTypes.StringType, true),
      DataTypes.createStructField("gender", DataTypes.StringType, true),
      DataTypes.createStructField("gender_source", DataTypes.StringType, true),
      DataTypes.createStructField("relevant_articles", Tables.DICT, true),
      DataTypes.createStructField("similar_patients", Tables.DICT, true),
      DataTypes.createStructField("note_chars", DataTypes.IntegerType, true),
      DataTypes.createStructField("content_hash", DataTypes.StringType, true),
      DataTypes.createStructField(REASONS, DataTypes.createArrayType(Tables.REASON, false), true),
      DataTypes.createStructField(RAW_RECORD, DataTypes.StringType, true)});
}
