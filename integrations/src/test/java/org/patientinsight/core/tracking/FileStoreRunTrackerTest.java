package org.patientinsight.core.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreRunTrackerTest {
  private static final long NOW = 1_700_000_100_000L;
  private static final long START = 1_700_000_000_000L;
  private static final long END = 1_700_000_065_000L;

  @TempDir
  Path dir;

  private FileStoreRunTracker tracker(Path root) {
    return new FileStoreRunTracker(root, "tester", () -> NOW);
  }

  private static String read(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static Set<String> children(Path p) throws Exception {
    try (Stream<Path> s = Files.list(p)) {
      return s.map(x -> x.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void writesMlflowFileStoreLayoutFileByFile() throws Exception {
    Path root = dir.resolve("mlruns");
    Path report = Files.writeString(dir.resolve("report.html"), "<html>report</html>");
    Path summary = Files.writeString(dir.resolve("run-summary.json"), "{\"rows_read\":120}");
    TrackedRun run = TrackedRun.builder("run-42", "pipeline", TrackedRun.Status.SUCCEEDED)
        .times(START, END)
        .param("input_uri", "data/sample.csv")
        .metric("rows_read", 120)
        .metric("quality/pass_ratio", 0.975)
        .tag("model_id", "all-MiniLM-L6-v2")
        .artifact(report).artifact(summary)
        .build();

    TrackingOutcome outcome = tracker(root).record(run);

    assertTrue(outcome.ok(), outcome.message());
    assertEquals("file-store", outcome.backend());
    String exp = outcome.experimentId();
    String runId = outcome.mlflowRunId();
    assertTrue(exp.matches("[1-9][0-9]{17}"), exp);
    assertTrue(runId.matches("[0-9a-f]{32}"), runId);
    Path expDir = root.resolve(exp);
    Path runDir = expDir.resolve(runId);
    assertEquals(runDir.toString(), outcome.location());

    // mlruns/: default experiment 0, .trash, ours (plus our lock file, which MLflow ignores)
    assertTrue(children(root).containsAll(Set.of("0", ".trash", exp)), children(root).toString());
    String rootUri = root.toAbsolutePath().toUri().toString();
    assertEquals("artifact_location: " + rootUri + "0\n"
        + "creation_time: " + NOW + "\n"
        + "experiment_id: '0'\n"
        + "last_update_time: " + NOW + "\n"
        + "lifecycle_stage: active\n"
        + "name: Default\n", read(root.resolve("0/meta.yaml")));
    assertEquals("artifact_location: " + rootUri + exp + "\n"
        + "creation_time: " + NOW + "\n"
        + "experiment_id: '" + exp + "'\n"
        + "last_update_time: " + NOW + "\n"
        + "lifecycle_stage: active\n"
        + "name: patient-insight\n", read(expDir.resolve("meta.yaml")));

    assertEquals(Set.of("meta.yaml", "params", "metrics", "tags", "artifacts"), children(runDir));
    String quotedRun = runId.matches("[a-f].*") ? runId : "'" + runId + "'";
    assertEquals("artifact_uri: " + rootUri + exp + "/" + runId + "/artifacts\n"
        + "end_time: " + END + "\n"
        + "entry_point_name: ''\n"
        + "experiment_id: '" + exp + "'\n"
        + "lifecycle_stage: active\n"
        + "run_id: " + quotedRun + "\n"
        + "run_name: run-42\n"
        + "run_uuid: " + quotedRun + "\n"
        + "source_name: ''\n"
        + "source_type: 4\n"
        + "source_version: ''\n"
        + "start_time: " + START + "\n"
        + "status: 3\n"
        + "tags: []\n"
        + "user_id: tester\n", read(runDir.resolve("meta.yaml")));

    assertEquals(Set.of("input_uri"), children(runDir.resolve("params")));
    assertEquals("data/sample.csv", read(runDir.resolve("params/input_uri")));

    assertEquals(Set.of("rows_read", "quality"), children(runDir.resolve("metrics")));
    assertEquals(END + " 120.0 0\n", read(runDir.resolve("metrics/rows_read")));
    assertEquals(END + " 0.975 0\n", read(runDir.resolve("metrics/quality/pass_ratio")));

    assertEquals(Set.of("model_id", "mlflow.runName", "mlflow.source.name", "mlflow.source.type",
        "mlflow.user", "status", "command"), children(runDir.resolve("tags")));
    assertEquals("run-42", read(runDir.resolve("tags/mlflow.runName")));
    assertEquals("patient-insight pipeline", read(runDir.resolve("tags/mlflow.source.name")));
    assertEquals("JOB", read(runDir.resolve("tags/mlflow.source.type")));
    assertEquals("tester", read(runDir.resolve("tags/mlflow.user")));
    assertEquals("SUCCEEDED", read(runDir.resolve("tags/status")));
    assertEquals("pipeline", read(runDir.resolve("tags/command")));
    assertEquals("all-MiniLM-L6-v2", read(runDir.resolve("tags/model_id")));

    assertEquals(Set.of("report.html", "run-summary.json"), children(runDir.resolve("artifacts")));
    assertArrayEquals(Files.readAllBytes(report),
        Files.readAllBytes(runDir.resolve("artifacts/report.html")));
    assertArrayEquals(Files.readAllBytes(summary),
        Files.readAllBytes(runDir.resolve("artifacts/run-summary.json")));
  }

  @Test
  void reusesTheExperimentOnLaterRuns() throws Exception {
    Path root = dir.resolve("mlruns");
    TrackingOutcome first = tracker(root).record(minimal("a", TrackedRun.Status.SUCCEEDED));
    TrackingOutcome second = tracker(root).record(minimal("b", TrackedRun.Status.REJECTED));
    assertEquals(first.experimentId(), second.experimentId());
    Path expDir = root.resolve(first.experimentId());
    assertEquals(Set.of("meta.yaml", first.mlflowRunId(), second.mlflowRunId()),
        children(expDir));
    // REJECTED: an MLflow FAILED run (4) tagged with our status
    assertTrue(read(expDir.resolve(second.mlflowRunId()).resolve("meta.yaml"))
        .contains("\nstatus: 4\n"));
    assertEquals("REJECTED", read(expDir.resolve(second.mlflowRunId()).resolve("tags/status")));
  }

  @Test
  void reusesAnExperimentMlflowItselfCreated() throws Exception {
    Path root = dir.resolve("mlruns");
    Path expDir = Files.createDirectories(root.resolve("4242"));
    Path artifacts = dir.resolve("elsewhere/4242");
    // as PyYAML's safe_dump writes it, name quoted because of the space
    Files.writeString(expDir.resolve("meta.yaml"), "artifact_location: "
        + artifacts.toUri().toString().replaceAll("/$", "") + "\n"
        + "creation_time: 1\nexperiment_id: '4242'\nlast_update_time: 1\n"
        + "lifecycle_stage: active\nname: 'patient insight: prod'\n");
    Path summary = Files.writeString(dir.resolve("run-summary.json"), "{}");
    TrackedRun run = TrackedRun.builder("r1", "ingest", TrackedRun.Status.SUCCEEDED)
        .experiment("patient insight: prod").times(START, END).artifact(summary).build();

    TrackingOutcome outcome = tracker(root).record(run);

    assertTrue(outcome.ok(), outcome.message());
    assertEquals("4242", outcome.experimentId());
    // artifacts follow the experiment's artifact_location, as MLflow's file store does
    assertTrue(Files.isRegularFile(artifacts.resolve(outcome.mlflowRunId())
        .resolve("artifacts/run-summary.json")));
  }

  @Test
  void concurrentRunsShareOneExperiment() throws Exception {
    Path root = dir.resolve("mlruns");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TrackingOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = "run-" + i;
        futures.add(pool.submit(() -> tracker(root)
            .record(minimal(name, TrackedRun.Status.SUCCEEDED))));
      }
      Set<String> experiments = new java.util.HashSet<>();
      Set<String> runs = new java.util.HashSet<>();
      for (Future<TrackingOutcome> f : futures) {
        TrackingOutcome o = f.get();
        assertTrue(o.ok(), o.message());
        experiments.add(o.experimentId());
        runs.add(o.mlflowRunId());
      }
      assertEquals(1, experiments.size());
      assertEquals(8, runs.size());
      long experimentDirs = children(root).stream()
          .filter(n -> !n.startsWith(".") && !n.equals("0")).count();
      assertEquals(1, experimentDirs);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sanitisesKeysAsMlflowRequires() throws Exception {
    Path root = dir.resolve("mlruns");
    TrackedRun run = TrackedRun.builder("r", "drift", TrackedRun.Status.SUCCEEDED)
        .times(START, END).param("weird key?*", "1").metric("../escape", 2.0).build();
    TrackingOutcome o = tracker(root).record(run);
    assertTrue(o.ok(), o.message());
    Path runDir = root.resolve(o.experimentId()).resolve(o.mlflowRunId());
    assertEquals("1", read(runDir.resolve("params/weird key__")));
    assertEquals(END + " 2.0 0\n", read(runDir.resolve("metrics/__/escape")));
  }

  @Test
  void missingArtifactIsCountedButTheRunIsWritten() throws Exception {
    Path root = dir.resolve("mlruns");
    TrackedRun run = TrackedRun.builder("r", "quality", TrackedRun.Status.FAILED)
        .times(START, END).artifact(dir.resolve("no-such-report.json")).build();
    TrackingOutcome o = tracker(root).record(run);
    assertFalse(o.ok());
    assertEquals(1, o.failures());
    assertTrue(o.message().contains("no-such-report.json"), o.message());
    assertTrue(Files.isRegularFile(root.resolve(o.experimentId()).resolve(o.mlflowRunId())
        .resolve("meta.yaml")));
  }

  @Test
  void unwritableRootGivesAFailedOutcomeNotAnException() throws Exception {
    Path notADir = Files.writeString(dir.resolve("mlruns"), "a file, not a folder");
    TrackingOutcome o = tracker(notADir).record(minimal("r", TrackedRun.Status.SUCCEEDED));
    assertFalse(o.ok());
    assertEquals(1, o.failures());
    assertTrue(o.message().contains("file store"), o.message());
  }

  private static TrackedRun minimal(String name, TrackedRun.Status status) {
    return TrackedRun.builder(name, "pipeline", status).times(START, END)
        .metric("rows_read", 1).build();
  }
}
