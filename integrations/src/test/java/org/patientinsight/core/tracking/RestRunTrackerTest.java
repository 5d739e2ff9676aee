package org.patientinsight.core.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestRunTrackerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long START = 1_700_000_000_000L;
  private static final long END = 1_700_000_065_000L;

  @TempDir
  Path dir;
  private FakeMlflowServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeMlflowServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RestRunTracker tracker(RequestAuthorizer auth) {
    MlflowTransport transport = new MlflowTransport(server.baseUri(), auth,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        Duration.ofSeconds(10), 3, Duration.ofMillis(1), d -> { });
    return new RestRunTracker("mlflow-server", new MlflowRestApi(transport),
        new RunArtifactUploader(new ProxyArtifactUploader(transport), () -> {
          throw new IllegalStateException("no S3 in this test");
        }), new LogBatchChunker(), "tester",
        (exp, run) -> transport.base() + "/#/experiments/" + exp + "/runs/" + run);
  }

  private TrackedRun run(TrackedRun.Status status, Path... artifacts) {
    TrackedRun.Builder b = TrackedRun.builder("run-42", "pipeline", status)
        .times(START, END)
        .param("input_uri", "data/sample.csv")
        .param("quality.min_pass_ratio", 0.95)
        .metric("rows_read", 120)
        .metric("drift.psi", 0.0125);
    for (Path a : artifacts) {
      b.artifact(a);
    }
    return b.build();
  }

  @Test
  void recordsARunWithTheExactRestCallsAndBodies() throws Exception {
    Path summary = Files.writeString(dir.resolve("run-summary.json"), "{\"rows_read\":120}");
    Path report = Files.writeString(dir.resolve("report.html"), "<html>ok</html>");

    TrackingOutcome outcome = tracker(RequestAuthorizer.none())
        .record(run(TrackedRun.Status.SUCCEEDED, summary, report));

    assertTrue(outcome.ok(), outcome.message());
    assertEquals("1", outcome.experimentId());
    String runId = String.format("%032x", 1);
    assertEquals(runId, outcome.mlflowRunId());
    assertEquals(server.baseUri() + "/#/experiments/1/runs/" + runId, outcome.location());

    List<FakeMlflowServer.Recorded> calls = server.requests();
    assertEquals(List.of(
            "GET /api/2.0/mlflow/experiments/get-by-name?experiment_name=patient-insight",
            "POST /api/2.0/mlflow/experiments/create",
            "POST /api/2.0/mlflow/runs/create",
            "POST /api/2.0/mlflow/runs/log-batch",
            "PUT /api/2.0/mlflow-artifacts/artifacts/1/" + runId + "/artifacts/run-summary.json",
            "PUT /api/2.0/mlflow-artifacts/artifacts/1/" + runId + "/artifacts/report.html",
            "POST /api/2.0/mlflow/runs/update"),
        calls.stream().map(r -> r.method() + " " + r.path()
            + (r.rawQuery() == null ? "" : "?" + r.rawQuery())).toList());

    assertEquals("{\"name\":\"patient-insight\"}", calls.get(1).bodyText());
    // int64 fields travel as JSON strings (proto3 JSON mapping), as MLflow's server expects
    assertEquals("{\"experiment_id\":\"1\",\"user_id\":\"tester\",\"run_name\":\"run-42\","
        + "\"start_time\":\"" + START + "\"}", calls.get(2).bodyText());
    assertEquals("{\"run_id\":\"" + runId + "\",\"metrics\":["
            + "{\"key\":\"rows_read\",\"value\":120.0,\"timestamp\":\"" + END + "\",\"step\":\"0\"},"
            + "{\"key\":\"drift.psi\",\"value\":0.0125,\"timestamp\":\"" + END
            + "\",\"step\":\"0\"}],"
            + "\"params\":[{\"key\":\"input_uri\",\"value\":\"data/sample.csv\"},"
            + "{\"key\":\"quality.min_pass_ratio\",\"value\":\"0.95\"}],"
            + "\"tags\":[{\"key\":\"mlflow.runName\",\"value\":\"run-42\"},"
            + "{\"key\":\"mlflow.source.name\",\"value\":\"patient-insight pipeline\"},"
            + "{\"key\":\"mlflow.source.type\",\"value\":\"JOB\"},"
            + "{\"key\":\"mlflow.user\",\"value\":\"tester\"},"
            + "{\"key\":\"status\",\"value\":\"SUCCEEDED\"},"
            + "{\"key\":\"command\",\"value\":\"pipeline\"}]}",
        calls.get(3).bodyText());
    assertEquals("application/json", calls.get(3).header("Content-Type"));
    assertEquals("{\"run_uuid\":\"" + runId + "\",\"status\":\"FINISHED\",\"end_time\":\"" + END
        + "\",\"run_id\":\"" + runId + "\"}", calls.get(6).bodyText());

    assertArrayEquals(Files.readAllBytes(summary), calls.get(4).body());
    assertEquals("application/json", calls.get(4).header("Content-Type"));
    assertArrayEquals(Files.readAllBytes(report), calls.get(5).body());
    assertEquals("text/html; charset=utf-8", calls.get(5).header("Content-Type"));
    assertNull(calls.get(0).header("Authorization"));
  }

  @Test
  void reusesAnExistingExperiment() {
    server.addExperiment("patient-insight", "7");
    TrackingOutcome outcome = tracker(RequestAuthorizer.none())
        .record(run(TrackedRun.Status.SUCCEEDED));
    assertTrue(outcome.ok(), outcome.message());
    assertEquals("7", outcome.experimentId());
    assertTrue(server.requests("POST", "experiments/create").isEmpty());
    assertTrue(server.requests("POST", "runs/create").get(0).bodyText()
        .startsWith("{\"experiment_id\":\"7\""));
  }

  @Test
  void failedAndRejectedRunsEndAsFailedWithTheirStatusTag() throws Exception {
    for (TrackedRun.Status status : List.of(TrackedRun.Status.FAILED,
        TrackedRun.Status.REJECTED)) {
      try (FakeMlflowServer s = new FakeMlflowServer()) {
        server.close();
        server = s;
        assertTrue(tracker(RequestAuthorizer.none()).record(run(status)).ok());
        JsonNode update = JSON.readTree(s.requests("POST", "runs/update").get(0).body());
        assertEquals("FAILED", update.get("status").asText());
        assertEquals(Long.toString(END), update.get("end_time").asText());
        JsonNode batch = JSON.readTree(s.requests("POST", "runs/log-batch").get(0).body());
        Set<String> tags = new HashSet<>();
        batch.get("tags").forEach(t -> tags.add(t.get("key").asText() + "="
            + t.get("value").asText()));
        assertTrue(tags.contains("status=" + status.name()), tags.toString());
      }
    }
  }

  @Test
  void chunksLogBatchWithinMlflowLimits() throws Exception {
    TrackedRun.Builder b = TrackedRun.builder("big", "pipeline", TrackedRun.Status.SUCCEEDED)
        .times(START, END);
    for (int i = 0; i < 1500; i++) {
      b.metric("m" + i, i);
    }
    for (int i = 0; i < 150; i++) {
      b.param("p" + i, "v" + i);
    }
    TrackingOutcome outcome = tracker(RequestAuthorizer.none()).record(b.build());

    assertTrue(outcome.ok(), outcome.message());
    List<FakeMlflowServer.Recorded> batches = server.requests("POST", "runs/log-batch");
    Set<String> metrics = new HashSet<>();
    Set<String> params = new HashSet<>();
    int tags = 0;
    for (FakeMlflowServer.Recorded r : batches) {
      JsonNode n = JSON.readTree(r.body());
      int m = n.path("metrics").size();
      int p = n.path("params").size();
      int t = n.path("tags").size();
      assertTrue(m <= 1000 && p <= 100 && t <= 100 && m + p + t <= 1000,
          "batch over limits: " + m + "/" + p + "/" + t);
      n.path("metrics").forEach(x -> assertTrue(metrics.add(x.get("key").asText())));
      n.path("params").forEach(x -> assertTrue(params.add(x.get("key").asText())));
      tags += t;
    }
    assertEquals(1500, metrics.size());
    assertEquals(150, params.size());
    assertEquals(6, tags);
    // 150 params + 6 tags + 1500 metrics = 1656 entities: at least 2 calls; params force 2
    assertEquals(2, batches.size());
  }

  @Test
  void longValuesAreSplitBelowTheServersOneMegabyteBodyLimit() {
    TrackedRun.Builder b = TrackedRun.builder("long", "pipeline", TrackedRun.Status.SUCCEEDED)
        .times(START, END);
    for (int i = 0; i < 100; i++) {
      b.param("p" + i, "v".repeat(6000)).tag("t" + i, "w".repeat(8000));
    }
    TrackingOutcome outcome = tracker(RequestAuthorizer.none()).record(b.build());
    assertTrue(outcome.ok(), outcome.message());
    List<FakeMlflowServer.Recorded> batches = server.requests("POST", "runs/log-batch");
    assertEquals(2, batches.size());
    batches.forEach(r -> assertTrue(r.body().length <= 1_000_000, r.body().length + " bytes"));
  }

  @Test
  void sendsTheBearerTokenOnEveryCall() throws Exception {
    Path summary = Files.writeString(dir.resolve("run-summary.json"), "{}");
    RunTracker t = RunTrackers.fromEnvironment(Map.of(
        RunTrackers.ENV_TRACKING_URI, server.baseUri().toString(),
        RunTrackers.ENV_TOKEN, "s3cr3t-token"), dir.resolve("unused"));
    assertEquals("mlflow-server", t.backend());
    TrackingOutcome outcome = t.record(run(TrackedRun.Status.SUCCEEDED, summary));
    assertTrue(outcome.ok(), outcome.message());
    assertEquals(6, server.requests().size());
    server.requests().forEach(r -> assertEquals("Bearer s3cr3t-token", r.header("Authorization"),
        r.method() + " " + r.path()));
  }

  @Test
  void sendsBasicAuthWhenUserAndPasswordAreSet() {
    RunTracker t = RunTrackers.fromEnvironment(Map.of(
        RunTrackers.ENV_TRACKING_URI, server.baseUri().toString(),
        RunTrackers.ENV_USERNAME, "alice", RunTrackers.ENV_PASSWORD, "pw"), dir);
    assertTrue(t.record(run(TrackedRun.Status.SUCCEEDED)).ok());
    String expected = "Basic " + java.util.Base64.getEncoder()
        .encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8));
    server.requests().forEach(r -> assertEquals(expected, r.header("Authorization")));
  }

  @Test
  void serverErrorGivesAFailedOutcomeNotAnException() {
    server.failAll(500);
    TrackingOutcome outcome = tracker(RequestAuthorizer.none())
        .record(run(TrackedRun.Status.SUCCEEDED));
    assertFalse(outcome.ok());
    assertEquals(1, outcome.failures());
    assertNull(outcome.mlflowRunId());
    assertTrue(outcome.message().contains("HTTP 500 INTERNAL_ERROR"), outcome.message());
    // a 500 is not retried (the server may have acted on it)
    assertEquals(1, server.requests().size());
  }

  @Test
  void failuresAfterRunCreationAreCountedAndTheRunIsStillTerminated() throws Exception {
    Path missing = dir.resolve("drift-report.json");
    TrackingOutcome outcome = tracker(RequestAuthorizer.none())
        .record(run(TrackedRun.Status.SUCCEEDED, missing));
    assertFalse(outcome.ok());
    assertEquals(1, outcome.failures());
    assertNotNull(outcome.mlflowRunId());
    assertTrue(outcome.message().contains("drift-report.json"), outcome.message());
    assertEquals(1, server.requests("POST", "runs/update").size());
  }

  @Test
  void unreachableServerGivesAFailedOutcome() {
    int port = server.baseUri().getPort();
    server.close();
    RunTracker t = RunTrackers.fromEnvironment(
        Map.of(RunTrackers.ENV_TRACKING_URI, "http://127.0.0.1:" + port), dir);
    TrackingOutcome outcome = t.record(run(TrackedRun.Status.SUCCEEDED));
    assertFalse(outcome.ok());
    assertTrue(outcome.message().contains("ConnectException"), outcome.message());
  }
}
