package org.patientinsight.quality;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession of the quality test JVM (Delta enabled, small, no UI). */
public final class QualityTestSpark {
  private static SparkSession spark;

  private QualityTestSpark() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
      spark = SparkSession.builder()
          .appName("quality-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "4")
          .config("spark.sql.warehouse.dir", tmp.resolve("spark-warehouse").toString())
          .config("spark.local.dir", tmp.resolve("spark-local").toString())
          .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config("spark.sql.catalog.spark_catalog",
              "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .config("spark.driver.host", "127.0.0.1")
          .getOrCreate();
    }
    return spark;
  }

  /** A fresh directory under the build's tmp dir. */
  public static Path freshDir(String name) {
    try {
      Path base = Paths.get(System.getProperty("java.io.tmpdir"), "quality-tests");
      java.nio.file.Files.createDirectories(base);
      return java.nio.file.Files.createTempDirectory(base, name + "-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
