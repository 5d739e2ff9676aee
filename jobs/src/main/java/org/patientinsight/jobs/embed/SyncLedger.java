package org.patientinsight.jobs.embed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.patientinsight.contract.VectorSyncTable;

/**
 * One store's rows of {@code vector_sync}: which ids it holds, at which content hash and model.
 * Before an upsert the ids are marked pending (hash null), after it they are confirmed; so a
 * crash in between leaves them pending, to be pushed again and — if their case is gone —
 * deleted from the store, even though no upsert was ever confirmed.
 */
final class SyncLedger {
  private final SparkSession spark;
  private final String path;
  private final String storeKey;
  private final String runId;

  SyncLedger(SparkSession spark, String path, String storeKey, String runId) {
    this.spark = spark;
    this.path = path;
    this.storeKey = storeKey;
    this.runId = runId;
    EmbeddingTables.createIfMissing(spark, path, VectorSyncTable.SCHEMA);
  }

  /** Every id this store may hold (confirmed or pending). */
  Dataset<Row> all() {
    return spark.read().format("delta").load(path)
        .filter(col(VectorSyncTable.STORE).equalTo(lit(storeKey)));
  }

  /** Ids whose upsert was confirmed, with the content hash, model and embedding time they hold. */
  Dataset<Row> confirmed() {
    return all().filter(col(VectorSyncTable.CONTENT_HASH).isNotNull());
  }

  /** Marks these ids (column patient_uid) as being upserted. */
  void markPending(Dataset<Row> uids) {
    Dataset<Row> src = uids.select(col(VectorSyncTable.PATIENT_UID))
        .withColumn(VectorSyncTable.STORE, lit(storeKey))
        .withColumn(VectorSyncTable.CONTENT_HASH, lit(null).cast(DataTypes.StringType))
        .withColumn(VectorSyncTable.MODEL_ID, lit(null).cast(DataTypes.StringType))
        .withColumn(VectorSyncTable.EMBEDDED_AT, lit(null).cast(DataTypes.TimestampType))
        .withColumn(VectorSyncTable.SYNCED_AT, lit(null).cast(DataTypes.TimestampType))
        .withColumn(VectorSyncTable.RUN_ID, lit(runId));
    upsertRows(src);
  }

  /** Records that the store now holds these (patient_uid, content_hash, model_id, embedded_at). */
  void confirm(Dataset<Row> keys) {
    Dataset<Row> src = keys.select(col(VectorSyncTable.PATIENT_UID), col(VectorSyncTable.CONTENT_HASH),
            col(VectorSyncTable.MODEL_ID), col(VectorSyncTable.EMBEDDED_AT))
        .withColumn(VectorSyncTable.STORE, lit(storeKey))
        .withColumn(VectorSyncTable.SYNCED_AT, lit(Timestamp.from(Instant.now())))
        .withColumn(VectorSyncTable.RUN_ID, lit(runId));
    upsertRows(src);
  }

  /** Forgets these ids (column patient_uid) after they were deleted from the store. */
  void remove(Dataset<Row> uids) {
    DeltaTable.forPath(spark, path).as("t")
        .merge(uids.select(VectorSyncTable.PATIENT_UID)
            .withColumn(VectorSyncTable.STORE, lit(storeKey)).as("s"), VectorSyncTable.KEY.mergeCondition("t", "s"))
        .whenMatched().delete()
        .execute();
  }

  private void upsertRows(Dataset<Row> src) {
    Map<String, org.apache.spark.sql.Column> set = new java.util.LinkedHashMap<>();
    for (String c : VectorSyncTable.SCHEMA.fieldNames()) {
      set.put(c, col("s." + c));
    }
    DeltaTable.forPath(spark, path).as("t")
        .merge(src.as("s"), VectorSyncTable.KEY.mergeCondition("t", "s"))
        .whenMatched().update(set)
        .whenNotMatched().insert(set)
        .execute();
  }
}
