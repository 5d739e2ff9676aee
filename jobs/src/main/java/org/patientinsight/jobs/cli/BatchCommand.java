package org.patientinsight.jobs.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.patientinsight.core.alert.Alert;
import org.patientinsight.jobs.pipeline.ReportWritten;
import org.patientinsight.jobs.pipeline.RunReport;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.ProcessMemory;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunEnding;
import org.patientinsight.jobs.run.RunIdentity;
import org.patientinsight.jobs.run.RunIds;
import org.patientinsight.jobs.run.RunRecord;
import org.patientinsight.jobs.run.RunStatus;
import org.patientinsight.jobs.run.RunTracking;
import org.patientinsight.jobs.run.StageResult;
import org.patientinsight.jobs.run.Verdict;
import org.patientinsight.jobs.spark.SparkSessions;
import org.patientinsight.jobs.tables.Rollback;
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

  /**
   * The work itself: the results go into {@code ctx.results()}; a refused batch is returned as
   * a verdict. Throw {@link JobFailure} with a clear message for expected failures.
   */
  abstract Verdict execute(RunContext ctx);

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
    RunIdentity id = new RunIdentity(common.runId != null ? common.runId : RunIds.newId(), command, input(),
        warehouse, Instant.now());
    SparkSession spark = null;
    RunContext ctx = null;
    Lineage lineage = null;
    Rollback rollback = null;
    Verdict verdict;
    try {
      spark = SparkSessions.getOrCreate("patient-insight " + command, common.sparkConf);
      lineage = Lineage.attach(spark, settings, id.runId(), id.layout(), System.getenv());
      ctx = new RunContext(spark, settings, id);
      verdict = execute(ctx);
    } catch (Throwable t) {
      verdict = new Verdict(RunStatus.FAILED, Errors.oneLine(t));
      if (common.verbose) {
        t.printStackTrace();
      }
      if (ctx != null) {
        rollback = ctx.versions().rollBack();
        if (rollback.leftLine() != null) { // loudly: a table this run could not undo
          verdict = new Verdict(RunStatus.FAILED, verdict.message() + "; " + rollback.leftLine());
        }
      }
    } finally {
      if (lineage != null) {
        lineage.close();
      }
    }
    List<StageResult> results = ctx == null ? List.of() : ctx.results().all();
    Map<String, Double> seconds = ctx == null ? Map.of() : ctx.times().seconds();
    RunRecord record = RunRecord.of(id, results, seconds, verdict.status(), verdict.message(), Instant.now());
    List<Path> reportFiles = List.of();
    if (ctx != null) {
      // the report shows the record's counts; where it went joins the record's quality section
      reportFiles = RunReport.localFiles(report(ctx, record));
      record = RunRecord.of(id, ctx.results().all(), seconds, verdict.status(), verdict.message(),
          record.finishedAt());
    }
    if (lineage != null) {
      record = record.withSection("lineage", lineage.section());
    }
    if (rollback != null) {
      record = record.withSection("rollback", rollback.section());
    }
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put("peak_rss_mib", ProcessMemory.peakRssMib());
    resources.put("cores", Runtime.getRuntime().availableProcessors());
    record = record.withSection("resources", resources);
    List<Alert> alerts = results.stream().flatMap(r -> r.alerts().stream()).toList();
    int exitCode = record.status().exitCode();
    boolean driftAlert = DriftAlerts.anyAlert(alerts);
    if (exitCode == 0 && driftAlert && (failOnDrift() || settings.getBoolean("drift.fail_on_drift"))) {
      exitCode = DRIFT_EXIT_CODE;
    }
    Map<String, Object> exit = new LinkedHashMap<>();
    exit.put("code", exitCode);
    exit.put("drift_alert", driftAlert);
    exit.put("drift_alerts", alerts.size());
    record = record.withSection("exit", exit);
    record = record.withSection("tracking", changesTables() ? RunTracking.track(record, settings, reportFiles)
        : RunTracking.notTracked(command + " changes no table"));
    end(record, spark == null ? new Configuration() : spark.sparkContext().hadoopConfiguration());
    if (exitCode == DRIFT_EXIT_CODE) {
      System.err.println("drift: an ALERT was raised and drift.fail_on_drift is on; exit code " + DRIFT_EXIT_CODE);
    }
    // the console ends with one line per drift alert, so nobody misses one
    DriftAlerts.consoleLines(alerts).forEach(System.out::println);
    return exitCode;
  }

  /** True when this command was asked to fail on drift ({@code --fail-on-drift}). */
  boolean failOnDrift() {
    return false;
  }

  /** Writes this run's stats report, if the command makes one. */
  Optional<ReportWritten> report(RunContext ctx, RunRecord record) {
    return Optional.empty();
  }

  /** Writes the summary JSON and prints the run's last lines. */
  private void end(RunRecord record, Configuration hadoopConf) {
    String where;
    try {
      where = record.writeTo(hadoopConf);
    } catch (Exception e) {
      where = "(not written: " + Errors.oneLine(e) + ")";
    }
    if (common.summaryJson != null) {
      try {
        record.writeLocal(common.summaryJson);
      } catch (Exception e) {
        System.err.println("warning: could not write " + common.summaryJson + ": " + Errors.oneLine(e));
      }
    }
    String defaultWarehouse = Locations.absolute(Settings.defaults().get("warehouse"));
    RunEnding ending = new RunEnding(record.command(), record.runId(), record.status(),
        Duration.between(record.startedAt(), record.finishedAt()).toMillis() / 1000.0,
        record.counts().get("read") > 0 ? record.reconciliation() : null, where,
        sectionText(record, "quality", "report_html"), sectionText(record, "tracking", "location"),
        record.warehouse().equals(defaultWarehouse) ? "" : " --warehouse " + record.warehouse());
    ending.lines().forEach(System.out::println);
    if (record.error() != null) {
      System.err.println((record.status() == RunStatus.REJECTED ? "rejected: " : "error: ")
          + record.error());
    }
  }

  private static String sectionText(RunRecord record, String section, String key) {
    Object s = record.sections().get(section);
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
