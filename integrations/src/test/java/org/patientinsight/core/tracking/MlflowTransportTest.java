package org.patientinsight.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which MLflow answers are sent again, and how long the transport waits (on a fake sleeper). */
class MlflowTransportTest {
  private FakeMlflowServer server;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new FakeMlflowServer();
    server.addExperiment("exp", "7");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private MlflowTransport transport(URI base) {
    return new MlflowTransport(base, RequestAuthorizer.none(),
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        Duration.ofSeconds(10), 3, Duration.ofMillis(500), waits::add);
  }

  private String getExperiment(MlflowTransport t) throws Exception {
    return t.get("experiments/get-by-name", Map.of("experiment_name", "exp"));
  }

  @Test
  void throttledAndUnavailableAreSentAgainWithDoublingWaits() throws Exception {
    server.failNext(429, 503);
    String body = getExperiment(transport(server.baseUri()));
    assertTrue(body.contains("\"experiment_id\":\"7\""), body);
    assertEquals(3, server.requests().size());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1_000)), waits);
  }

  @Test
  void aPersistent503FailsWithTheStatusAfterEveryAttempt() {
    server.failAll(503);
    MlflowApiException e = assertThrows(MlflowApiException.class,
        () -> getExperiment(transport(server.baseUri())));
    assertEquals(503, e.status());
    assertEquals(3, server.requests().size());
    assertEquals(2, waits.size());
  }

  @Test
  void aServerErrorIsNotSentAgain() {
    server.failNext(500);
    MlflowApiException e = assertThrows(MlflowApiException.class,
        () -> getExperiment(transport(server.baseUri())));
    assertEquals(500, e.status());
    assertEquals(1, server.requests().size());
    assertTrue(waits.isEmpty());
  }

  @Test
  void aRefusedConnectionIsTriedAgainThenReported() {
    URI gone = server.baseUri();
    server.close();
    assertThrows(ConnectException.class, () -> getExperiment(transport(gone)));
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1_000)), waits);
  }
}
