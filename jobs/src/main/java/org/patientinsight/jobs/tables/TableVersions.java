package org.patientinsight.jobs.tables;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers each table's version when a run starts, so a run that fails part-way can put
 * every table back as it was: Delta commits are atomic per table, this makes a run atomic
 * across tables (restore to the remembered version; a table the run created is removed).
 */
public final class TableVersions {
  private static final Logger LOG = LoggerFactory.getLogger(TableVersions.class);
  private final SparkSession spark;
  private final Map<String, Long> before = new LinkedHashMap<>();

  public TableVersions(SparkSession spark) {
    this.spark = spark;
  }

  /** Notes the current version of the table at this path (-1 when it does not exist). */
  public void remember(String path) {
    before.put(path, versionOf(spark, path));
  }

  public long versionOf(String path) {
    return versionOf(spark, path);
  }

  /**
   * The table's latest version, -1 when there is no Delta table at the path. Read from the
   * log's snapshot (a listing of {@code _delta_log}, no Spark job): {@code history(1)} costs a
   * Spark job each time (~0.2 s), and stages ask for versions several times per run.
   */
  public static long versionOf(SparkSession spark, String path) {
    return DeltaLog.forTableWithSnapshot(spark, path)._2().version();
  }

  /** Puts every remembered table back to its version from the start of the run. */
  public void rollBack() {
    for (Map.Entry<String, Long> e : before.entrySet()) {
      String path = e.getKey();
      long was = e.getValue();
      try {
        long now = versionOf(spark, path);
        if (now == was) {
          continue;
        }
        if (was < 0) {
          Path p = new Path(path);
          FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
          fs.delete(p, true);
          LOG.warn("rolled back: removed table {} created by the failed run", path);
        } else {
          DeltaTable.forPath(spark, path).restoreToVersion(was);
          LOG.warn("rolled back: restored table {} to version {}", path, was);
        }
      } catch (IOException | RuntimeException ex) {
        LOG.error("could not roll back table {}: {}", path, ex.getMessage());
      }
    }
  }
}
