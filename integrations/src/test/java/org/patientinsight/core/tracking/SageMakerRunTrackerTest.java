package org.patientinsight.core.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class SageMakerRunTrackerTest {
  private static final String ARN =
      "arn:aws:sagemaker:eu-west-1:123456789012:mlflow-tracking-server/pi-tracking";
  private static final String ACCESS = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  @TempDir
  Path dir;
  private FakeMlflowServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeMlflowServer();
    server.artifactRoot("s3://test-bucket/mlflow");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RunTracker tracker() {
    return RunTrackers.sageMaker(ARN, server.baseUri(), server.baseUri(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)));
  }

  private TrackedRun run(Path... artifacts) {
    TrackedRun.Builder b = TrackedRun.builder("run-7", "pipeline", TrackedRun.Status.SUCCEEDED)
        .times(1_700_000_000_000L, 1_700_000_001_000L).metric("rows_read", 12);
    Arrays.stream(artifacts).forEach(b::artifact);
    return b.build();
  }

  @Test
  void signsEveryMlflowCallWithSigV4ForSageMakerMlflow() throws Exception {
    TrackingOutcome outcome = tracker().record(run());
    assertTrue(outcome.ok(), outcome.message());
    assertEquals("sagemaker-mlflow", outcome.backend());

    List<FakeMlflowServer.Recorded> calls = server.requests();
    assertEquals(List.of("/api/2.0/mlflow/experiments/get-by-name",
        "/api/2.0/mlflow/experiments/create", "/api/2.0/mlflow/runs/create",
        "/api/2.0/mlflow/runs/log-batch", "/api/2.0/mlflow/runs/update"),
        calls.stream().map(FakeMlflowServer.Recorded::path).toList());
    for (FakeMlflowServer.Recorded r : calls) {
      assertEquals(ARN, r.header("x-mlflow-sm-tracking-server-arn"), r.path());
      Matcher m = SigV4Verifier.AUTH.matcher(r.header("Authorization"));
      assertTrue(m.matches(), r.header("Authorization"));
      assertEquals(ACCESS, m.group(1));
      assertEquals("eu-west-1", m.group(3));
      assertEquals("sagemaker-mlflow", m.group(4));
      List<String> signed = List.of(m.group(5).split(";"));
      assertTrue(signed.containsAll(List.of("host", "x-amz-date",
          "x-mlflow-sm-tracking-server-arn")), signed.toString());
      assertNotNull(r.header("x-amz-date"));
      assertEquals(SigV4Verifier.expectedSignature(r, SECRET), SigV4Verifier.signatureSent(r),
          "signature must verify for " + r.method() + " " + r.path());
    }
    assertTrue(calls.get(2).headers().get("authorization").contains("content-type"),
        "POST bodies are signed with their content type");
  }

  @Test
  void uploadsArtifactsToTheRunsS3Location() throws Exception {
    Path report = Files.writeString(dir.resolve("report.json"), "{\"checks\":12,\"failed\":0}");
    TrackingOutcome outcome = tracker().record(run(report));
    assertTrue(outcome.ok(), outcome.message());

    String runId = outcome.mlflowRunId();
    String key = "/test-bucket/mlflow/1/" + runId + "/artifacts/report.json";
    List<FakeMlflowServer.Recorded> puts = server.requests("PUT", "report.json");
    assertEquals(1, puts.size());
    assertEquals(key, puts.get(0).path());
    assertArrayEquals(Files.readAllBytes(report), server.stored(key));
    Matcher m = SigV4Verifier.AUTH.matcher(puts.get(0).header("Authorization"));
    assertTrue(m.matches());
    assertEquals("s3", m.group(4));
    assertEquals(SigV4Verifier.expectedSignature(puts.get(0), SECRET),
        SigV4Verifier.signatureSent(puts.get(0)));
    // S3 gets no MLflow ARN header: it is not an MLflow call
    assertEquals(null, puts.get(0).header("x-mlflow-sm-tracking-server-arn"));
  }

  @Test
  void pickedFromAnArnTrackingUri() {
    String oldKey = System.getProperty("aws.accessKeyId");
    String oldSecret = System.getProperty("aws.secretAccessKey");
    System.setProperty("aws.accessKeyId", ACCESS);
    System.setProperty("aws.secretAccessKey", SECRET);
    try {
      RunTracker t = RunTrackers.fromEnvironment(Map.of(RunTrackers.ENV_TRACKING_URI, ARN,
          RunTrackers.ENV_SAGEMAKER_ENDPOINT, server.baseUri().toString()), dir);
      assertEquals("sagemaker-mlflow", t.backend());
      assertTrue(t.record(run()).ok());
      assertEquals(ARN, server.requests().get(0).header("x-mlflow-sm-tracking-server-arn"));
    } finally {
      restore("aws.accessKeyId", oldKey);
      restore("aws.secretAccessKey", oldSecret);
    }
  }

  @Test
  void malformedArnGivesAFailedOutcomeNamingTheVariable() {
    RunTracker t = RunTrackers.fromEnvironment(Map.of(RunTrackers.ENV_TRACKING_URI,
        "arn:aws:sagemaker:eu-west-1:123:notebook/x"), dir);
    TrackingOutcome outcome = t.record(run());
    assertFalse(outcome.ok());
    assertTrue(outcome.message().contains("MLFLOW_TRACKING_URI"), outcome.message());
  }

  @Test
  void parsesTheArn() {
    SageMakerTrackingServer s = SageMakerTrackingServer.parse(ARN);
    assertEquals("eu-west-1", s.region());
    assertEquals("123456789012", s.account());
    assertEquals("pi-tracking", s.name());
    assertEquals("https://eu-west-1.experiments.sagemaker.aws", s.endpoint().toString());
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
