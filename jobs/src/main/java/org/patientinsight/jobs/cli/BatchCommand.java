package org.patientinsight.jobs.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Locations;
import org.patientinsight.core.config.Settings;
import org.patientinsight.jobs.lineage.Lineage;
import org.patientinsight.jobs.drift.DriftAlerts;
import org.patientinsight.jobs.run.BatchRejected;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunEnding;
import org.patientinsight.jobs.run.RunIds;
import org.patientinsight.jobs.run.RunStatus;
import org.patientinsight.jobs.run.RunSummary;
import org.patientinsight.jobs.run.RunTracking;
import org.patientinsight.jobs.spark.SparkSessions;
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

  /** False for commands that only read tables (export): they leave no MLflow run. */
  boolean changesTables() {
    return true;
  }

  /** True for commands that need a warehouse already there (all but those that create it). */
  boolean readsExistingTables() {
    return true;
  }

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
      SettingsPreflight.check(settings);
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    String warehouse = Locations.absolute(settings.get("warehouse"));
    if (readsExistingTables() && !Locations.hasScheme(warehouse) && !Files.isDirectory(Path.of(warehouse))) {
      System.err.println("error: no warehouse at " + warehouse + " (run 'patient-insight pipeline' to make one,"
          + " or give --warehouse)");
      return 2;
    }
    String runId = common.runId != null ? common.runId : RunIds.newId();
    RunSummary summary = new RunSummary(runId, command, input(), warehouse, Instant.now());
    SparkSession spark = null;
    RunContext ctx = null;
    Lineage lineage = null;
    try {
      spark = SparkSessions.getOrCreate("patient-insight " + command, common.sparkConf);
      lineage = Lineage.attach(spark, settings, runId, warehouse, System.getenv());
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
    } finally {
      if (lineage != null) {
        lineage.close();
        summary.section("lineage", lineage.section());
      }
    }
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
    summary.section("tracking", changesTables() ? RunTracking.track(summary, settings, reportFiles)
        : RunTracking.notTracked(command + " changes no table"));
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
    String defaultWarehouse = Locations.absolute(Settings.defaults().get("warehouse"));
    RunEnding ending = new RunEnding(summary.command(), summary.runId(), summary.status(),
        Duration.between(summary.startedAt(), summary.finishedAt() == null ? Instant.now() : summary.finishedAt())
            .toMillis() / 1000.0,
        summary.counts().get("read") > 0 ? summary.reconciliation() : null, where,
        sectionText(summary, "quality", "report_html"), sectionText(summary, "tracking", "location"),
        summary.warehouse().equals(defaultWarehouse) ? "" : " --warehouse " + summary.warehouse());
    ending.lines().forEach(System.out::println);
    if (summary.error() != null) {
      System.err.println((summary.status() == RunStatus.REJECTED ? "rejected: " : "error: ")
          + summary.error());
    }
  }

  private static String sectionText(RunSummary summary, String section, String key) {
    Object s = summary.sections().get(section);
    Object v = s instanceof Map<?, ?> m ? m.get(key) : null;
    return v == null ? null : v.toString();
  }

  static void quietLogs(boolean verbose) {
    if (verbose) {
      Configurator.setLevel("org.apache.spark", Level.INFO);
      Configurator.setLevel("org.patientinsight", Level.DEBUG);
      Configurator.setLevel("io.openlineage", Level.INFO);
    }
  }
}
