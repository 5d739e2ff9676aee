package org.patientinsight.jobs.ingest;

import java.util.List;

/** The PMC-Patients column names, as they appear in the raw files. */
public final class RawColumns {
  private RawColumns() {}

  public static final String PATIENT_ID = "patient_id";
  public static final String PATIENT_UID = "patient_uid";
  public static final String PMID = "PMID";
  public static final String FILE_PATH = "file_path";
  public static final String TITLE = "title";
  public static final String PATIENT = "patient";
  public static final String AGE = "age";
  public static final String GENDER = "gender";
  public static final String RELEVANT_ARTICLES = "relevant_articles";
  public static final String SIMILAR_PATIENTS = "similar_patients";

  /** In the order of the published dataset's header. */
  public static final List<String> ALL = List.of(PATIENT_ID, PATIENT_UID, PMID, FILE_PATH, TITLE,
      PATIENT, AGE, GENDER, RELEVANT_ARTICLES, SIMILAR_PATIENTS);

  /** Extra columns ingest adds while reading. */
  public static final String CORRUPT = "_corrupt_record";
  public static final String SOURCE = "_source_uri";
  public static final String SEQ = "_seq";
  /** Raw columns whose bytes are not valid UTF-8 (comma-separated), or null. */
  public static final String BAD_ENCODING = "_bad_encoding";

  /** The rows a reader yields: every raw column as text, then the four extra columns. */
  public static final org.apache.spark.sql.types.StructType READ_SCHEMA = readSchema();

  private static org.apache.spark.sql.types.StructType readSchema() {
    java.util.List<org.apache.spark.sql.types.StructField> f = new java.util.ArrayList<>();
    for (String c : ALL) {
      f.add(org.apache.spark.sql.types.DataTypes.createStructField(c, org.apache.spark.sql.types.DataTypes.StringType, true));
    }
    f.add(org.apache.spark.sql.types.DataTypes.createStructField(CORRUPT, org.apache.spark.sql.types.DataTypes.StringType, true));
    f.add(org.apache.spark.sql.types.DataTypes.createStructField(SOURCE, org.apache.spark.sql.types.DataTypes.StringType, true));
    f.add(org.apache.spark.sql.types.DataTypes.createStructField(SEQ, org.apache.spark.sql.types.DataTypes.LongType, false));
    f.add(org.apache.spark.sql.types.DataTypes.createStructField(BAD_ENCODING, org.apache.spark.sql.types.DataTypes.StringType, true));
    return org.apache.spark.sql.types.DataTypes.createStructType(f);
  }
}
