package org.patientinsight.contract;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code embeddings}: the vector of each case's current content, one row per patient_uid
 * (MERGEd on it). A vector is valid for its (content_hash, model_id) whatever happens to the
 * run that made it, so this table is never rolled back with a failed run.
 */
public final class EmbeddingsTable {
  private EmbeddingsTable() {}

  public static final String NAME = "embeddings";

  public static final String PATIENT_UID = CasesTable.PATIENT_UID;
  /** the case content the vector embeds */
  public static final String CONTENT_HASH = CasesTable.CONTENT_HASH;
  public static final String MODEL_ID = "model_id";
  public static final String VECTOR = "vector";
  public static final String TOKENS = "tokens";
  /** tells a re-embedded vector from the one it replaced */
  public static final String EMBEDDED_AT = "embedded_at";
  public static final String RUN_ID = CasesTable.RUN_ID;

  public static final TableKey KEY = TableKey.of(PATIENT_UID);

  public static final DataType VECTOR_TYPE = DataTypes.createArrayType(DataTypes.FloatType, false);

  public static final StructType SCHEMA = new StructType()
      .add(PATIENT_UID, DataTypes.StringType, false)
      .add(CONTENT_HASH, DataTypes.StringType, false)
      .add(MODEL_ID, DataTypes.StringType, false)
      .add(VECTOR, VECTOR_TYPE, false)
      .add(TOKENS, DataTypes.IntegerType, false)
      .add(EMBEDDED_AT, DataTypes.TimestampType, false)
      .add(RUN_ID, DataTypes.StringType, false);
}
