package org.patientinsight.jobs.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;
import org.patientinsight.jobs.drift.DriftAlerts;
import org.patientinsight.jobs.run.BatchRejected;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunIds;
import org.patientinsight.jobs.run.RunStatus;
import org.patientinsight.jobs.run.RunSummary;
import org.patientinsight.jobs.run.RunTracking;
import org.patientinsight.jobs.spark.SparkSessions;
import org.patientinsight.jobs.tables.Tables;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every batch command does around its work: load settings, start Spark, run, and always
 * end with a run summary (also on failure). A failure prints one line naming the cause;
 * {@code --verbose} adds the stack trace. A failed run rolls its tables back.
 */
abstract class BatchCommand implements Callable<Integer> {
  /** Exit code of a run that succeeded but raised a drift ALERT, with --fail-on-drift / drift.fail_on_drift. */
  static final int DRIFT_EXIT_CODE = 4;

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  /** The input this run reads, for the summary (null when it reads none). */
  abstract String input();

  /** The work itself. Throw {@link JobFailure} with a clear message for expected failures. */
  abstract void execute(RunContext ctx);

  @Override
  public Integer call() {
    String command = spec.name();
    quietLogs(common.verbose);
    Settings settings;
    try {
      Map<String, String> overrides = new LinkedHashMap<>(common.settings);
      if (common.warehouse != null) {
        overrides.put("warehouse", common.warehouse);
      }
      settings = Settings.load(common.config, System.getenv(), overrides);
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    String warehouse = Tables.stripSlash(settings.get("warehouse"));
    String runId = common.runId != null ? common.runId : RunIds.newId();
    RunSummary summary = new RunSummary(runId, command, input(), warehouse, Instant.now());
    SparkSession spark = null;
    RunContext ctx = null;
    try {
      spark = SparkSessions.getOrCreate("patient-insight " + command, common.sparkConf);
      ctx = new RunContext(spark, settings, summary);
      execute(ctx);
      summary.finish(RunStatus.SUCCEEDED, null);
    } catch (BatchRejected rejected) {
      summary.finish(RunStatus.REJECTED, rejected.getMessage());
    } catch (Throwable t) {
      summary.finish(RunStatus.FAILED, Errors.oneLine(t));
      if (common.verbose) {
        t.printStackTrace();
      }
      if (ctx != null) {
        ctx.versions().rollBack();
      }
    }
    afterRun(ctx, summary);
    summary.section("resources", java.util.Map.of(
        "peak_rss_mib", org.patientinsight.jobs.run.ProcessMemory.peakRssMib(),
        "cores", Runtime.getRuntime().availableProcessors()));
    java.util.List<java.nio.file.Path> reportFiles = ctx == null ? java.util.List.of() : reports(ctx);
    int exitCode = summary.status().exitCode();
    boolean driftAlert = DriftAlerts.anyAlert(ctx);
    if (exitCode == 0 && driftAlert && (failOnDrift() || settings.getBoolean("drift.fail_on_drift"))) {
      exitCode = DRIFT_EXIT_CODE;
    }
    summary.section("exit", java.util.Map.of("code", exitCode, "drift_alert", driftAlert,
        "drift_alerts", DriftAlerts.consoleLines(ctx).size()));
    summary.section("tracking", RunTracking.track(summary, settings, reportFiles));
    report(summary, spark == null ? new Configuration() : spark.sparkContext().hadoopConfiguration());
    if (exitCode == DRIFT_EXIT_CODE) {
      System.err.println("drift: an ALERT was raised and drift.fail_on_drift is on; exit code " + DRIFT_EXIT_CODE);
    }
    // the console ends with one line per drift alert, so nobody misses one
    DriftAlerts.consoleLines(ctx).forEach(System.out::println);
    return exitCode;
  }

  /** True when this command was asked to fail on drift ({@code --fail-on-drift}). */
  boolean failOnDrift() {
    return false;
  }

  /** A hook for work after the run ends, success or not (reports). Never throws. */
  void afterRun(RunContext ctx, RunSummary summary) {}

  /** Writes this run's reports; returns the local files to attach to its tracked run. */
  java.util.List<java.nio.file.Path> reports(RunContext ctx) {
    return java.util.List.of();
  }

  private void report(RunSummary summary, Configuration hadoopConf) {
    String where;
    try {
      where = summary.writeTo(hadoopConf);
    } catch (Exception e) {
      where = "(not written: " + Errors.oneLine(e) + ")";
    }
    if (common.summaryJson != null) {
      try {
        summary.writeLocal(common.summaryJson);
      } catch (Exception e) {
        System.err.println("warning: could not write " + common.summaryJson + ": " + Errors.oneLine(e));
      }
    }
    if (summary.counts().get("read") > 0) {
      System.out.println(summary.reconciliation());
    }
    System.out.println("run " + summary.runId() + " " + summary.status() + "; summary: " + where);
    if (summary.error() != null) {
      System.err.println((summary.status() == RunStatus.REJECTED ? "rejected: " : "error: ")
          + summary.error());
    }
  }

  static void quietLogs(boolean verbose) {
    if (verbose) {
      Configurator.setLevel("org.apache.spark", Level.INFO);
      Configurator.setLevel("org.patientinsight", Level.DEBUG);
    }
  }

  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
