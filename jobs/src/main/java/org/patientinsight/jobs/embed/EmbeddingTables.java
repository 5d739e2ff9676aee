package org.patientinsight.jobs.embed;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.jobs.tables.Tables;

/**
 * The two tables of the embed/sync stages. {@code embeddings} is a cache keyed by
 * (patient_uid, content_hash, model_id): a vector stays valid whatever happens to the run that
 * made it, so these tables are never rolled back with a failed run. {@code vector_sync} says
 * what each vector store holds: one row per (store, patient_uid) with the content_hash, model_id
 * and embedded_at of the vector it holds (embedded_at tells a re-embedded vector from the old
 * one); a null content_hash means an upsert was started but not confirmed, so the store may or
 * may not hold that id.
 */
public final class EmbeddingTables {
  private EmbeddingTables() {}

  public static final String EMBEDDINGS = Tables.EMBEDDINGS;
  public static final String VECTOR_SYNC = "vector_sync";

  public static final DataType VECTOR = DataTypes.createArrayType(DataTypes.FloatType, false);

  public static final StructType EMBEDDINGS_SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("patient_uid", DataTypes.StringType, false),
      DataTypes.createStructField("content_hash", DataTypes.StringType, false),
      DataTypes.createStructField("model_id", DataTypes.StringType, false),
      DataTypes.createStructField("vector", VECTOR, false),
      DataTypes.createStructField("tokens", DataTypes.IntegerType, false),
      DataTypes.createStructField("embedded_at", DataTypes.TimestampType, false),
      DataTypes.createStructField("run_id", DataTypes.StringType, false)});

  public static final StructType VECTOR_SYNC_SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("store", DataTypes.StringType, false),
      DataTypes.createStructField("patient_uid", DataTypes.StringType, false),
      DataTypes.createStructField("content_hash", DataTypes.StringType, true),
      DataTypes.createStructField("model_id", DataTypes.StringType, true),
      DataTypes.createStructField("embedded_at", DataTypes.TimestampType, true),
      DataTypes.createStructField("synced_at", DataTypes.TimestampType, true),
      DataTypes.createStructField("run_id", DataTypes.StringType, false)});

  /** The table at this path, or an empty frame of its schema when it does not exist yet. */
  static Dataset<Row> readOrEmpty(SparkSession spark, String path, StructType schema) {
    if (TableVersions.versionOf(spark, path) < 0) {
      return spark.createDataFrame(java.util.List.of(), schema);
    }
    return spark.read().format("delta").load(path);
  }

  /** Creates an empty Delta table with this schema if there is none at the path. */
  static void createIfMissing(SparkSession spark, String path, StructType schema) {
    if (TableVersions.versionOf(spark, path) < 0) {
      spark.createDataFrame(java.util.List.of(), schema).write().format("delta")
          .mode("append").save(path);
    }
  }
}
