package org.patientinsight.jobs.run;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.core.config.Settings;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.jobs.tables.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every stage of one run shares: Spark, settings, where tables live, and the summary. */
public final class RunContext {
  private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

  private final SparkSession spark;
  private final Settings settings;
  private final RunSummary summary;
  private final TableVersions versions;
  private final java.util.Map<String, Object> attachments = new java.util.LinkedHashMap<>();

  public RunContext(SparkSession spark, Settings settings, RunSummary summary) {
    this.spark = spark;
    this.settings = settings;
    this.summary = summary;
    this.versions = new TableVersions(spark);
  }

  public SparkSession spark() {
    return spark;
  }

  public Settings settings() {
    return settings;
  }

  public RunSummary summary() {
    return summary;
  }

  public String runId() {
    return summary.runId();
  }

  public String warehouse() {
    return summary.warehouse();
  }

  public String tablePath(String table) {
    return Tables.path(summary.warehouse(), table);
  }

  /** Versions remembered at the start of the run, for roll-back on failure. */
  public TableVersions versions() {
    return versions;
  }

  /** Hands a result from one stage to a later one (e.g. a report section), by name. */
  public void attach(String name, Object value) {
    attachments.put(name, value);
  }

  @SuppressWarnings("unchecked")
  public <T> T attachment(String name) {
    return (T) attachments.get(name);
  }

  /** Runs a stage, logs its start and end, and adds its seconds to the summary. */
  public <T> T stage(String name, Supplier<T> body) {
    LOG.info("[{}] {} ...", summary.runId(), name);
    long t0 = System.nanoTime();
    try {
      return body.get();
    } finally {
      double secs = (System.nanoTime() - t0) / 1e9;
      summary.stage(name, Math.round(secs * 1000) / 1000.0);
      LOG.info("[{}] {} done in {} s", summary.runId(), name, String.format("%.1f", secs));
    }
  }

  public void stage(String name, Runnable body) {
    stage(name, () -> {
      body.run();
      return null;
    });
  }
}
