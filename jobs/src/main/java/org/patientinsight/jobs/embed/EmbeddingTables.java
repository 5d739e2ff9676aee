package org.patientinsight.jobs.embed;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.patientinsight.jobs.tables.TableVersions;

/**
 * Opening the two tables of the embed/sync stages ({@code embeddings} and {@code vector_sync},
 * declared in the case contract). A failed run restores {@code embeddings} with its cases (its
 * own commits only); {@code vector_sync} is never rolled back: it records what a store may hold,
 * and a store cannot be restored, so the next sync deletes what the ledger holds for cases
 * that are gone and re-pushes what it does not hold at the current content hash.
 */
public final class EmbeddingTables {
  private EmbeddingTables() {}

  /** Creates an empty Delta table with this schema if there is none at the path. */
  static void createIfMissing(SparkSession spark, String path, StructType schema) {
    if (TableVersions.versionOf(spark, path) < 0) {
      spark.createDataFrame(java.util.List.of(), schema).write().format("delta")
          .mode("append").save(path);
    }
  }
}
