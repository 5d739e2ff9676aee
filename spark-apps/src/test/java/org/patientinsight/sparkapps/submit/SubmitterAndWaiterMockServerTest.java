package org.patientinsight.sparkapps.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientinsight.sparkapps.model.ApplicationState;
import org.patientinsight.sparkapps.model.SparkApplication;
import org.patientinsight.sparkapps.model.SparkApplicationStatus;

/** Acceptance 1 on fabric8's mock API server (CRUD mode, status subresource). */
class SubmitterAndWaiterMockServerTest {
  private static final String NS = "patient-insight";
  private static final Duration POLL = Duration.ofMillis(10);

  private MockKubernetes mock;
  private NamespacedKubernetesClient client;
  private final PipelineApplicationFactory factory = new PipelineApplicationFactory(SparkApplicationTemplate.fromClasspath());

  @BeforeEach
  void start() {
    mock = MockKubernetes.start();
    client = mock.client();
  }

  @AfterEach
  void stop() {
    client.close();
    mock.close();
  }

  private SparkApplication app(String input) {
    S3aUri uri = S3aUri.parse("--input", input);
    String runId = "run-" + Math.abs(input.hashCode());
    return factory.build(new PipelineRequest(ApplicationNames.forPipelineRun(input, runId), NS, uri, runId,
        null, null, null, List.of()));
  }

  @Test
  void submitCreatesTheApplicationAndTheServerIgnoresStatusOnCreate() {
    SparkApplication app = app("s3a://bucket/raw/a.csv");
    SparkApplicationStatus forged = new SparkApplicationStatus();
    forged.setApplicationState(new ApplicationState(ApplicationState.COMPLETED, null));
    app.setStatus(forged);

    assertEquals(SubmitOutcome.CREATED, new SparkApplicationSubmitter(client).submit(app));

    SparkApplication stored = client.resources(SparkApplication.class).inNamespace(NS)
        .withName(app.getMetadata().getName()).get();
    assertEquals(app.getSpec().getArguments(), stored.getSpec().getArguments());
    assertEquals("org.patientinsight.jobs.cli.Main", stored.getSpec().getMainClass());
    assertTrue(stored.currentState().isEmpty(), "status belongs to the status subresource, not to create");
  }

  @Test
  void duplicateSubmitReportsAlreadyExistsFromThe409() {
    SparkApplicationSubmitter submitter = new SparkApplicationSubmitter(client);
    assertEquals(SubmitOutcome.CREATED, submitter.submit(app("s3a://bucket/raw/a.csv")));
    // the mock answers 409 with reason "Invalid" (a real API server says "AlreadyExists"): only the code counts
    KubernetesClientException raw = assertThrows(KubernetesClientException.class, () -> client
        .resources(SparkApplication.class).inNamespace(NS).resource(app("s3a://bucket/raw/a.csv")).create());
    assertEquals(409, raw.getCode());
    assertEquals(SubmitOutcome.ALREADY_EXISTS, submitter.submit(app("s3a://bucket/raw/a.csv")));
    assertEquals(1, client.resources(SparkApplication.class).inNamespace(NS).list().getItems().size());
  }

  @Test
  void otherApiErrorsPropagate() {
    KubernetesMockServer expectations = new KubernetesMockServer(false);
    expectations.init(java.net.InetAddress.getLoopbackAddress(), 0);
    try (NamespacedKubernetesClient c = expectations.createClient()) {
      expectations.expect().post().withPath("/apis/sparkoperator.k8s.io/v1beta2/namespaces/" + NS + "/sparkapplications")
          .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403}")
          .always();
      KubernetesClientException e = assertThrows(KubernetesClientException.class,
          () -> new SparkApplicationSubmitter(c).submit(app("s3a://bucket/raw/a.csv")));
      assertEquals(403, e.getCode());
    } finally {
      expectations.destroy();
    }
  }

  @Test
  void waiterFollowsSubmittedRunningCompleted() throws Exception {
    assertEquals(List.of("(none)", "SUBMITTED", "RUNNING", "COMPLETED"),
        runThrough(List.of(ApplicationState.SUBMITTED, ApplicationState.RUNNING, ApplicationState.COMPLETED), null,
            WaitOutcome.COMPLETED));
  }

  @Test
  void waiterFollowsSubmittedRunningFailedWithTheOperatorsMessage() throws Exception {
    assertEquals(List.of("(none)", "SUBMITTED", "RUNNING", "FAILED"),
        runThrough(List.of(ApplicationState.SUBMITTED, ApplicationState.RUNNING, ApplicationState.FAILED),
            "driver container failed with ExitCode: 1", WaitOutcome.FAILED));
  }

  /**
   * Moves the application through {@code states}, each after the waiter has reported the
   * previous one; the "operator" acts while the waiter waits between polls (a fake clock).
   */
  private List<String> runThrough(List<String> states, String error, WaitOutcome expected) throws Exception {
    SparkApplication app = app("s3a://bucket/raw/" + states.get(states.size() - 1) + ".csv");
    new SparkApplicationSubmitter(client).submit(app);
    String name = app.getMetadata().getName();
    List<String> changes = new ArrayList<>();
    int[] next = {0};
    FakePollClock clock = new FakePollClock().duringWait(() -> {
      // the waiter has reported one observation per state written so far, plus the first
      if (next[0] < states.size() && changes.size() == next[0] + 1) {
        String state = states.get(next[0]++);
        StatusUpdates.setState(client, NS, name, state, ApplicationState.FAILED.equals(state) ? error : null);
      }
    });
    WaitResult result = new ApplicationStateWaiter(client, POLL, clock).await(NS, name, Duration.ofSeconds(20),
        (previous, current) -> changes.add(current == null ? "(none)" : current));
    assertEquals(expected, result.outcome());
    assertEquals(states.get(states.size() - 1), result.lastState());
    if (expected == WaitOutcome.FAILED) {
      assertEquals(error, result.errorMessage());
    } else {
      assertNull(result.errorMessage());
    }
    return changes;
  }

  @Test
  void waiterTimesOutWhileTheApplicationKeepsRunning() throws Exception {
    SparkApplication app = app("s3a://bucket/raw/slow.csv");
    new SparkApplicationSubmitter(client).submit(app);
    StatusUpdates.setState(client, NS, app.getMetadata().getName(), ApplicationState.RUNNING, null);
    List<String> changes = new ArrayList<>();
    FakePollClock clock = new FakePollClock();
    WaitResult result = new ApplicationStateWaiter(client, POLL, clock).await(NS, app.getMetadata().getName(),
        Duration.ofMillis(300), (previous, current) -> changes.add(current));
    assertEquals(WaitOutcome.TIMED_OUT, result.outcome());
    assertEquals(ApplicationState.RUNNING, result.lastState());
    assertEquals(List.of(ApplicationState.RUNNING), changes, "one observation, no spurious changes");
    // polled every 10 ms until exactly the timeout, and reports what it waited
    assertEquals(30, clock.waits().size());
    assertEquals(Duration.ofMillis(300), result.waited());
  }

  @Test
  void waiterReportsAnApplicationDeletedWhileWaiting() throws Exception {
    SparkApplication app = app("s3a://bucket/raw/deleted.csv");
    new SparkApplicationSubmitter(client).submit(app);
    StatusUpdates.setState(client, NS, app.getMetadata().getName(), ApplicationState.RUNNING, null);
    WaitResult result = new ApplicationStateWaiter(client, POLL, new FakePollClock()).await(NS,
        app.getMetadata().getName(), Duration.ofSeconds(10), (previous, current) -> client.resources(SparkApplication.class).inNamespace(NS)
            .withName(app.getMetadata().getName()).delete());
    assertEquals(WaitOutcome.DISAPPEARED, result.outcome());
    assertEquals(ApplicationState.RUNNING, result.lastState());
  }
}
