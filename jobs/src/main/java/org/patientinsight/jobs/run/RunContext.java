package org.patientinsight.jobs.run;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.core.config.Settings;
import org.patientinsight.jobs.tables.CommitMarker;
import org.patientinsight.core.config.WarehouseLayout;
import org.patientinsight.jobs.tables.TableVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every stage of one run shares: Spark, settings, which run it is, the table versions to
 * roll back to, the seconds per step, and the typed results produced so far.
 */
public final class RunContext {
  private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

  private final SparkSession spark;
  private final Settings settings;
  private final RunIdentity id;
  private final WarehouseLayout layout;
  private final TableVersions versions;
  private final StageTimes times = new StageTimes();
  private final RunResults results = new RunResults();

  public RunContext(SparkSession spark, Settings settings, RunIdentity id) {
    this.spark = spark;
    this.settings = settings;
    this.id = id;
    this.layout = id.layout();
    // every commit from here on carries the run id, so a rollback can tell its own versions
    this.versions = new TableVersions(spark, CommitMarker.tagSession(spark, id.runId()));
  }

  public SparkSession spark() {
    return spark;
  }

  public Settings settings() {
    return settings;
  }

  public RunIdentity id() {
    return id;
  }

  public String runId() {
    return id.runId();
  }

  public String warehouse() {
    return id.warehouse();
  }

  /** The warehouse's layout: every table's and file's path. */
  public WarehouseLayout layout() {
    return layout;
  }

  /** Versions remembered at the start of the run, for roll-back on failure. */
  public TableVersions versions() {
    return versions;
  }

  public StageTimes times() {
    return times;
  }

  /** The stages' results so far; the run record is built from them. */
  public RunResults results() {
    return results;
  }

  /** Runs a step, logs its start and end, and adds its seconds to the run's stage times. */
  public <T> T stage(String name, Supplier<T> body) {
    LOG.info("[{}] {} ...", id.runId(), name);
    times.started(name);
    long t0 = System.nanoTime();
    try {
      return body.get();
    } finally {
      double secs = (System.nanoTime() - t0) / 1e9;
      times.finished(name, secs);
      LOG.info("[{}] {} done in {} s", id.runId(), name, String.format("%.1f", secs));
    }
  }

  public void stage(String name, Runnable body) {
    stage(name, () -> {
      body.run();
      return null;
    });
  }
}
