package org.patientinsight.udfs;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession per test JVM, with its scratch dirs under the build's tmp dir. */
final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {
  }

  static synchronized SparkSession get() {
    if (session == null) {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "spark-udfs");
      session = SparkSession.builder()
          .appName("udfs-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.local.dir", tmp.resolve("local").toString())
          .config("spark.sql.warehouse.dir", tmp.resolve("warehouse").toString())
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
