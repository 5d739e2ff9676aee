package org.patientinsight.jobs.tables;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a run atomic across tables (Delta commits are atomic per table): remembers each
 * table's version before the run first writes it, and on failure undoes the run's own commits
 * only. Every commit of a run carries its {@link CommitMarker} (Delta's commitInfo
 * userMetadata), so the table's history says whose each version is: a table whose versions
 * since the start are all this run's is restored (or, if the run created it, removed); a table
 * another writer committed to is left as it is and reported — undoing it would undo their work.
 */
public final class TableVersions {
  private static final Logger LOG = LoggerFactory.getLogger(TableVersions.class);
  private final SparkSession spark;
  private final String marker;
  private final Map<String, Long> before = new LinkedHashMap<>();

  /** For the run whose commits carry {@code marker} (see {@link CommitMarker#of}). */
  public TableVersions(SparkSession spark, String marker) {
    this.spark = spark;
    this.marker = marker;
  }

  /**
   * Notes the table's version at this path (-1 when it does not exist) unless it was noted
   * already: the first note is the version before this run wrote to it.
   */
  public void remember(String path) {
    before.computeIfAbsent(path, p -> versionOf(spark, p));
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

  /** Undoes this run's own commits on every remembered table; says what it did to each one it had moved. */
  public Rollback rollBack() {
    List<Rollback.Table> tables = new ArrayList<>();
    for (Map.Entry<String, Long> e : before.entrySet()) {
      String path = e.getKey();
      long was = e.getValue();
      try {
        long now = versionOf(spark, path);
        if (now == was) {
          continue;
        }
        Rollback.Table t = undo(path, was, now);
        tables.add(t);
        if (t.action() == Rollback.Action.LEFT) {
          LOG.error("rollback left table {}: {}", path, t.reason());
        } else {
          LOG.warn("rolled back table {}: {} (own versions {})", path, t.action(), t.ownVersions());
        }
      } catch (IOException | RuntimeException ex) {
        tables.add(new Rollback.Table(path, was, -1, List.of(), List.of(), Rollback.Action.LEFT,
            "could not roll back: " + ex.getMessage()));
        LOG.error("could not roll back table {}: {}", path, ex.getMessage());
      }
    }
    return new Rollback(tables);
  }

  private Rollback.Table undo(String path, long was, long now) throws IOException {
    if (now < was) {
      return new Rollback.Table(path, was, now, List.of(), List.of(), Rollback.Action.LEFT,
          "the table is gone or older than at the start of the run (version " + now + ", was " + was + ")");
    }
    List<Long> own = new ArrayList<>();
    List<Long> others = new ArrayList<>();
    for (Row r : DeltaTable.forPath(spark, path).history((int) (now - was)).select("version", "userMetadata")
        .collectAsList()) {
      long v = r.getLong(0);
      if (v > was) {
        (marker.equals(r.isNullAt(1) ? null : r.getString(1)) ? own : others).add(v);
      }
    }
    own.sort(null);
    others.sort(null);
    if (!others.isEmpty()) {
      return new Rollback.Table(path, was, now, own, others, Rollback.Action.LEFT,
          "another writer committed version(s) " + others + " after this run's start (version " + was
              + "); this run's own version(s) " + own + " are left in place, at version " + now);
    }
    if (was < 0) {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(p, true);
      return new Rollback.Table(path, was, now, own, others, Rollback.Action.REMOVED, null);
    }
    DeltaTable.forPath(spark, path).restoreToVersion(was);
    return new Rollback.Table(path, was, now, own, others, Rollback.Action.RESTORED, null);
  }
}
