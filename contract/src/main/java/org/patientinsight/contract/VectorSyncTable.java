package org.patientinsight.contract;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code vector_sync}: what each vector store holds, one row per (store, patient_uid) with the
 * content_hash, model_id and embedded_at of the vector it holds. A null content_hash means an
 * upsert was started but not confirmed, so the store may or may not hold that id.
 */
public final class VectorSyncTable {
  private VectorSyncTable() {}

  public static final String NAME = "vector_sync";

  /** which store (its ledger key) */
  public static final String STORE = "store";
  public static final String PATIENT_UID = CasesTable.PATIENT_UID;
  public static final String CONTENT_HASH = CasesTable.CONTENT_HASH;
  public static final String MODEL_ID = EmbeddingsTable.MODEL_ID;
  public static final String EMBEDDED_AT = EmbeddingsTable.EMBEDDED_AT;
  public static final String SYNCED_AT = "synced_at";
  public static final String RUN_ID = CasesTable.RUN_ID;

  public static final TableKey KEY = TableKey.of(STORE, PATIENT_UID);

  public static final StructType SCHEMA = new StructType()
      .add(STORE, DataTypes.StringType, false)
      .add(PATIENT_UID, DataTypes.StringType, false)
      .add(CONTENT_HASH, DataTypes.StringType, true)
      .add(MODEL_ID, DataTypes.StringType, true)
      .add(EMBEDDED_AT, DataTypes.TimestampType, true)
      .add(SYNCED_AT, DataTypes.TimestampType, true)
      .add(RUN_ID, DataTypes.StringType, false);
}
