package org.patientinsight.jobs.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.tracking.RunTracker;
import org.patientinsight.core.tracking.RunTrackers;
import org.patientinsight.core.tracking.TrackedRun;
import org.patientinsight.core.tracking.TrackingOutcome;

/**
 * Records a finished run in MLflow: its settings as params, every number of the run summary as
 * a metric, status and command as tags, and the summary and reports as artifacts. Tracking
 * never fails the run; its outcome is added to the summary instead.
 */
public final class RunTracking {
  /** Settings worth seeing beside a run (thresholds, model, stores); never secrets. */
  private static final List<String> PARAM_PREFIXES =
      List.of("ingest.", "quality.", "drift.", "embed.", "vector.", "pinecone.", "tracking.experiment");

  private RunTracking() {}

  public static Map<String, Object> track(RunRecord summary, Settings settings, List<Path> reports) {
    Map<String, Object> section = new LinkedHashMap<>();
    Path summaryCopy = null;
    try {
      RunTracker tracker = RunTrackers.fromSettings(settings, System.getenv(),
          Path.of(settings.get("tracking.local_dir")));
      TrackedRun.Builder run = TrackedRun.builder(summary.runId(), summary.command(), status(summary.status()))
          .experiment(experiment(settings, summary.warehouse()))
          .times(summary.startedAt().toEpochMilli(),
              summary.finishedAt().toEpochMilli())
          .param("run_id", summary.runId())
          .param("input", summary.input() == null ? "" : summary.input())
          .param("warehouse", summary.warehouse())
          .param("project_version", ProjectVersion.version())
          .param("git_commit", ProjectVersion.gitCommit());
      settings.asMap().forEach((k, v) -> {
        if (PARAM_PREFIXES.stream().anyMatch(k::startsWith) && !v.isEmpty()) {
          run.param(k, v);
        }
      });
      summary.counts().forEach((k, v) -> run.metric(k, v));
      summary.stageSeconds().forEach((k, v) -> run.metric("seconds." + k, v));
      summary.sections().forEach((name, value) -> numbers(name, value, run));
      summaryCopy = Files.createTempFile("run-summary-", ".json");
      Path named = summaryCopy.resolveSibling("run_summary_" + summary.runId() + ".json");
      Files.writeString(named, summary.toJson());
      Files.deleteIfExists(summaryCopy);
      summaryCopy = named;
      run.artifact(named);
      for (Path r : reports) {
        if (r != null && Files.isRegularFile(r)) {
          run.artifact(r);
        }
      }
      TrackingOutcome outcome = tracker.record(run.build());
      section.put("ok", outcome.ok());
      section.put("backend", outcome.backend());
      section.put("location", outcome.location());
      section.put("mlflow_run_id", outcome.mlflowRunId());
      section.put("failures", outcome.failures());
      if (!outcome.ok()) {
        section.put("message", outcome.message());
      }
    } catch (RuntimeException | IOException e) {
      section.put("ok", false);
      section.put("failures", 1);
      section.put("message", e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      if (summaryCopy != null) {
        try {
          Files.deleteIfExists(summaryCopy);
        } catch (IOException ignored) {
          // a temp file
        }
      }
    }
    return section;
  }

  /** The tracking section of a run that is deliberately not tracked. */
  public static Map<String, Object> notTracked(String why) {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("ok", true);
    section.put("backend", "none");
    section.put("failures", 0);
    section.put("message", "not tracked: " + why);
    return section;
  }

  /** The configured experiment, else one per warehouse so runs of different warehouses never mix. */
  public static String experiment(Settings settings, String warehouse) {
    String configured = settings.getOptional("tracking.experiment");
    return configured != null ? configured : "patient-insight " + warehouse;
  }

  private static TrackedRun.Status status(RunStatus s) {
    switch (s) {
      case SUCCEEDED: return TrackedRun.Status.SUCCEEDED;
      case REJECTED: return TrackedRun.Status.REJECTED;
      default: return TrackedRun.Status.FAILED;
    }
  }

  /** Adds every numeric (or boolean) leaf of a summary section as a metric "section.key". */
  private static void numbers(String prefix, Object value, TrackedRun.Builder run) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isNaN(d) && !Double.isInfinite(d)) {
        run.metric(prefix, d);
      }
    } else if (value instanceof Boolean b) {
      run.metric(prefix, b ? 1 : 0);
    } else if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> numbers(prefix + "." + k, v, run));
    }
  }
}
