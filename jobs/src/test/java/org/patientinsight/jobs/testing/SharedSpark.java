package org.patientinsight.jobs.testing;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.jobs.spark.SparkSessions;

/** One SparkSession for the whole test JVM (starting one costs seconds). */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSessions.getOrCreate("patient-insight-tests", Map.of(
          "spark.master", "local[2]",
          "spark.sql.shuffle.partitions", "4",
          "spark.default.parallelism", "4",
          "spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/spark-warehouse",
          "spark.local.dir", System.getProperty("java.io.tmpdir") + "/spark-local",
          "spark.driver.host", "127.0.0.1",
          "spark.databricks.delta.snapshotPartitions", "1"));
    }
    return session;
  }
}
