package org.patientinsight.sparkapps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientinsight.sparkapps.SubmitCli;
import org.patientinsight.sparkapps.model.ApplicationState;
import org.patientinsight.sparkapps.model.SparkApplication;
import org.patientinsight.sparkapps.submit.FakePollClock;
import org.patientinsight.sparkapps.submit.MockKubernetes;
import org.patientinsight.sparkapps.submit.StatusUpdates;
import picocli.CommandLine;

/** {@code patient-insight submit pipeline …} end to end against the mock API server. */
class SubmitCliTest {
  private static final String NS = "team-a";

  private MockKubernetes mock;
  private NamespacedKubernetesClient observer;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final FakePollClock clock = new FakePollClock();

  @BeforeEach
  void start() {
    mock = MockKubernetes.start();
    observer = mock.client();
  }

  @AfterEach
  void stop() {
    observer.close();
    mock.close();
  }

  private int run(String... args) {
    CommandLine cli = SubmitCli.commandLine(mock::client, clock);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private List<SparkApplication> apps() {
    return observer.resources(SparkApplication.class).inNamespace(NS).list().getItems();
  }

  @Test
  void submitsOnceThenReportsAlreadySubmitted() {
    String[] args = {"pipeline", "--input", "s3a://data/raw/2024-05-01/", "--namespace", NS,
        "--image", "registry.example/job:1.2.3", "--conf", "pi.embed.batch=64"};
    assertEquals(0, run(args), err.toString());
    assertTrue(out.toString().contains("created SparkApplication " + NS + "/pi-pipeline-"), out.toString());
    assertEquals(0, run(args), err.toString());
    assertTrue(out.toString().contains("already submitted"), out.toString());

    List<SparkApplication> apps = apps();
    assertEquals(1, apps.size());
    SparkApplication app = apps.get(0);
    assertEquals("registry.example/job:1.2.3", app.getSpec().getImage());
    List<String> a = app.getSpec().getArguments();
    assertEquals("pipeline", a.get(0));
    assertEquals("s3a://data/raw/2024-05-01/", a.get(a.indexOf("--input") + 1));
    assertEquals("s3a://patient-insight-data/warehouse", a.get(a.indexOf("--warehouse") + 1));
    assertEquals("pi.embed.batch=64", a.get(a.indexOf("--conf") + 1));
    assertTrue(a.get(a.indexOf("--run-id") + 1).startsWith("pi-pipeline-"));
  }

  @Test
  void aDifferentRunIdIsASecondApplication() {
    assertEquals(0, run("pipeline", "--input", "s3a://data/raw/x.csv", "--namespace", NS, "--run-id", "r1"));
    assertEquals(0, run("pipeline", "--input", "s3a://data/raw/x.csv", "--namespace", NS, "--run-id", "r2"));
    assertEquals(2, apps().size());
    assertTrue(apps().stream().allMatch(a -> "patient-insight/job:latest".equals(a.getSpec().getImage())),
        "without --image (and PI_JOB_IMAGE) the template's image is kept");
  }

  @Test
  void waitPrintsEachStateAndExitsZeroOnCompleted() {
    assertEquals(0, waitWhileOperatorMovesTo(ApplicationState.COMPLETED));
    assertEquals(List.of("(none yet)", "SUBMITTED", "RUNNING", "COMPLETED"), printedStates());
    assertTrue(out.toString().contains("COMPLETED after"), out.toString());
  }

  @Test
  void waitExitsOneOnFailedWithTheOperatorsMessage() {
    assertEquals(1, waitWhileOperatorMovesTo(ApplicationState.FAILED));
    assertEquals(List.of("(none yet)", "SUBMITTED", "RUNNING", "FAILED"), printedStates());
    assertTrue(err.toString().contains("FAILED after") && err.toString().contains("driver exited with 1"), err.toString());
  }

  private List<String> printedStates() {
    return out.toString().lines().filter(l -> l.startsWith("state: ")).map(l -> l.substring(7)).toList();
  }

  /**
   * Plays the operator while the CLI waits between polls: each state is written only once the
   * CLI has printed the one before.
   */
  private int waitWhileOperatorMovesTo(String last) {
    String input = "s3a://data/raw/" + last + ".csv";
    assertEquals(0, run("pipeline", "--input", input, "--namespace", NS));
    String name = apps().get(0).getMetadata().getName();
    List<String> script = List.of(ApplicationState.SUBMITTED, ApplicationState.RUNNING, last);
    int[] next = {0};
    clock.duringWait(() -> {
      String previous = next[0] == 0 ? "(none yet)" : script.get(next[0] - 1);
      if (next[0] < script.size() && out.toString().lines().anyMatch(("state: " + previous)::equals)) {
        String state = script.get(next[0]++);
        StatusUpdates.setState(observer, NS, name, state,
            ApplicationState.FAILED.equals(state) ? "driver exited with 1" : null);
      }
    });
    return run("pipeline", "--input", input, "--namespace", NS, "--wait", "--timeout", "20s",
        "--poll-interval", "20ms");
  }

  @Test
  void waitTimesOutWithAClearMessageAndExitCode() {
    int code = run("pipeline", "--input", "s3a://data/raw/slow.csv", "--namespace", NS, "--wait",
        "--timeout", "300ms", "--poll-interval", "20ms");
    assertEquals(3, code);
    assertEquals(Duration.ofMillis(300), clock.waited(), "polled every 20 ms until the timeout");
    assertTrue(clock.waits().stream().allMatch(Duration.ofMillis(20)::equals), "" + clock.waits());
    assertTrue(err.toString().contains("timed out after"), err.toString());
    assertTrue(err.toString().contains("it keeps running on the cluster"), err.toString());
  }

  @Test
  void badInputIsAUsageErrorNamingTheOption() {
    assertEquals(2, run("pipeline", "--input", "/local/path.csv", "--namespace", NS));
    assertTrue(err.toString().contains("--input must be an s3a:// URI"), err.toString());
    assertEquals(2, run("pipeline", "--input", "s3a://data/raw/x.csv", "--timeout", "soon"));
    assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
    assertEquals(0, apps().size());
  }

  @Test
  void helpWorks() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("pipeline"));
    assertEquals(0, run("pipeline", "--help"));
    assertTrue(out.toString().contains("--wait") && out.toString().contains("Exit codes"));
  }

  @Test
  void apiErrorsExitWithClusterError() {
    KubernetesMockServer forbidding = new KubernetesMockServer(false);
    forbidding.init(InetAddress.getLoopbackAddress(), 0);
    try {
      forbidding.expect().post().withPath("/apis/sparkoperator.k8s.io/v1beta2/namespaces/" + NS + "/sparkapplications")
          .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
              + "\"reason\":\"Forbidden\",\"code\":403}")
          .always();
      CommandLine cli = SubmitCli.commandLine(forbidding::createClient);
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      assertEquals(4, cli.execute("pipeline", "--input", "s3a://data/raw/x.csv", "--namespace", NS));
      assertTrue(err.toString().contains("Kubernetes API error") && err.toString().contains("HTTP 403"), err.toString());
    } finally {
      forbidding.destroy();
    }
  }
}
