package org.patientinsight.jobs.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession a job uses. Defaults suit a laptop ({@code local[*]}, Delta
 * enabled, UI off, few shuffle partitions); anything given with {@code --conf} wins, exactly
 * as with spark-submit, and a session started by spark-submit keeps its own master.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession getOrCreate(String appName, Map<String, String> confOverrides) {
    SparkConf conf = new SparkConf(true); // picks up spark.* system properties (spark-submit)
    conf.setAppName(appName);
    setIfAbsent(conf, "spark.master", "local[*]");
    if (conf.get("spark.master").startsWith("local")) {
      // a laptop run talks to nobody: keep the driver on loopback
      setIfAbsent(conf, "spark.driver.host", "127.0.0.1");
      setIfAbsent(conf, "spark.driver.bindAddress", "127.0.0.1");
    }
    setIfAbsent(conf, "spark.ui.enabled", "false");
    // on a terminal, show Spark's stage progress bar for long stages
    setIfAbsent(conf, "spark.ui.showConsoleProgress", String.valueOf(System.console() != null));
    setIfAbsent(conf, "spark.sql.shuffle.partitions", "16");
    setIfAbsent(conf, "spark.sql.adaptive.enabled", "true");
    setIfAbsent(conf, "spark.sql.session.timeZone", "UTC");
    setIfAbsent(conf, "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    setIfAbsent(conf, "spark.sql.catalog.spark_catalog",
        "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    // Delta's "retention check" would refuse to vacuum test tables; history stays at defaults.
    setIfAbsent(conf, "spark.databricks.delta.snapshotPartitions", "2");
    // S3A: use the committer-safe defaults; credentials come from the usual AWS chain.
    setIfAbsent(conf, "spark.hadoop.fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
    confOverrides.forEach(conf::set);
    SparkSession session = SparkSession.builder().config(conf).getOrCreate();
    // a session that already existed keeps its Hadoop configuration; apply spark.hadoop.*
    // overrides to it so --conf means the same thing in every case
    confOverrides.forEach((k, v) -> {
      if (k.startsWith("spark.hadoop.")) {
        session.sparkContext().hadoopConfiguration().set(k.substring("spark.hadoop.".length()), v);
      }
    });
    return session;
  }

  private static void setIfAbsent(SparkConf conf, String key, String value) {
    if (!conf.contains(key)) {
      conf.set(key, value);
    }
  }
}
