package org.patientinsight.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookAlertSinkTest {
  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hooks/T000/secret-token", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type") + " " + ex.getRequestMethod());
      byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status.get(), ok.length);
      ex.getResponseBody().write(ok);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/T000/secret-token");
  }

  @Test
  void postsOneSlackCompatibleJsonPayload() throws Exception {
    new WebhookAlertSink(url(), Duration.ofSeconds(5)).send(TestAlerts.drift());
    assertEquals(1, bodies.size());
    assertTrue(contentTypes.get(0).startsWith("application/json"), contentTypes.get(0));
    assertTrue(contentTypes.get(0).endsWith("POST"));
    JsonNode p = new ObjectMapper().readTree(bodies.get(0));
    assertTrue(p.get("text").asText().contains("Age drift detected"));
    assertTrue(p.get("blocks").isArray());
  }

  @Test
  void serverErrorIsAFailureThatNamesOnlyTheHost() {
    status.set(500);
    AlertDeliveryException e = assertThrows(AlertDeliveryException.class,
        () -> new WebhookAlertSink(url(), Duration.ofSeconds(5)).send(TestAlerts.drift()));
    assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    assertTrue(!e.getMessage().contains("secret-token"), "the token must not leak: " + e.getMessage());
  }

  @Test
  void dispatcherCountsA500AsFailedAndDoesNotThrow() {
    status.set(500);
    AlertDispatcher d = new AlertDispatcher(List.of(new LogAlertSink(), new WebhookAlertSink(url(), Duration.ofSeconds(5))));
    AlertOutcome o = d.dispatch(TestAlerts.drift());
    assertEquals(List.of("log"), o.delivered());
    assertEquals(1, o.failed());
    assertEquals(1, bodies.size(), "called exactly once, no retries");
    assertEquals(new SinkTally(0, 1), d.tallies().get("webhook"));
    assertEquals(new SinkTally(1, 0), d.tallies().get("log"));
  }

  @Test
  void unreachableHostTimesOutAsAFailure() throws Exception {
    server.stop(0);
    assertThrows(AlertDeliveryException.class,
        () -> new WebhookAlertSink(url(), Duration.ofMillis(500)).send(TestAlerts.drift()));
  }

  @Test
  void rejectsNonHttpUrls() {
    assertThrows(IllegalArgumentException.class,
        () -> new WebhookAlertSink(URI.create("file:///etc/passwd"), Duration.ofSeconds(1)));
  }
}
