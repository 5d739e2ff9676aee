package org.patientinsight.quality.drift;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession per test JVM (getOrCreate shares it with other test packages). */
final class DriftTestSpark {
  private static SparkSession spark;

  private DriftTestSpark() {
  }

  static synchronized SparkSession get() {
    if (spark == null) {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      spark = SparkSession.builder()
          .master("local[2]")
          .appName("drift-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.sql.warehouse.dir", tmp.resolve("spark-warehouse").toString())
          .getOrCreate();
    }
    return spark;
  }
}
