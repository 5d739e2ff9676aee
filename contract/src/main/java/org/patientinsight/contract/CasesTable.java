package org.patientinsight.contract;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code cases}: the published case, one row per patient_uid (MERGEd on it). The schema is
 * the one ingest writes; Delta stores every column as nullable, and the quality gate — not the
 * schema — guarantees a complete, unique patient_uid and a note of the minimum length.
 */
public final class CasesTable {
  private CasesTable() {}

  public static final String NAME = "cases";

  public static final String PATIENT_UID = "patient_uid";
  public static final String PMID = "pmid";
  public static final String TITLE = "title";
  public static final String NOTE = "note";
  public static final String AGE_YEARS = "age_years";
  /** a {@link DemographicSource} value */
  public static final String AGE_SOURCE = "age_source";
  public static final String GENDER = "gender";
  /** a {@link DemographicSource} value */
  public static final String GENDER_SOURCE = "gender_source";
  public static final String RELEVANT_ARTICLES = "relevant_articles";
  public static final String SIMILAR_PATIENTS = "similar_patients";
  public static final String NOTE_CHARS = "note_chars";
  /** covers every cleaned field: an edited case gets a new hash, a re-read one keeps it */
  public static final String CONTENT_HASH = "content_hash";
  public static final String SOURCE_URI = "source_uri";
  /** the run that last wrote the row */
  public static final String RUN_ID = "run_id";
  public static final String INGESTED_AT = "ingested_at";

  public static final TableKey KEY = TableKey.of(PATIENT_UID);

  /** The relevance dicts (relevant_articles, similar_patients): id to relevance grade. */
  public static final DataType RELEVANCE_DICT =
      DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType);

  /** The columns that come from cleaning the raw record, in table order (the rest are the run's). */
  public static final List<String> CLEANED_COLUMNS = List.of(PATIENT_UID, PMID, TITLE, NOTE,
      AGE_YEARS, AGE_SOURCE, GENDER, GENDER_SOURCE, RELEVANT_ARTICLES, SIMILAR_PATIENTS,
      NOTE_CHARS, CONTENT_HASH);

  public static final StructType SCHEMA = new StructType()
      .add(PATIENT_UID, DataTypes.StringType, true)
      .add(PMID, DataTypes.StringType, true)
      .add(TITLE, DataTypes.StringType, true)
      .add(NOTE, DataTypes.StringType, true)
      .add(AGE_YEARS, DataTypes.DoubleType, true)
      .add(AGE_SOURCE, DataTypes.StringType, true)
      .add(GENDER, DataTypes.StringType, true)
      .add(GENDER_SOURCE, DataTypes.StringType, true)
      .add(RELEVANT_ARTICLES, RELEVANCE_DICT, true)
      .add(SIMILAR_PATIENTS, RELEVANCE_DICT, true)
      .add(NOTE_CHARS, DataTypes.IntegerType, true)
      .add(CONTENT_HASH, DataTypes.StringType, true)
      .add(SOURCE_URI, DataTypes.StringType, true)
      .add(RUN_ID, DataTypes.StringType, false)
      .add(INGESTED_AT, DataTypes.TimestampType, false);
}
