package org.patientinsight.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.TestServer;
import org.patientinsight.serving.generate.LanguageModelGenerator;
import org.patientinsight.serving.generate.OpenAiChatClient;
import org.patientinsight.serving.generate.ReportPrompts;

/** When the model endpoint fails, the API answers 502/504 JSON and still returns the cases. */
class GeneratorFailureApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void failingEndpointGives502And504WithRetrievalResults() throws Exception {
    HttpServer llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    llm.createContext("/v1/chat/completions", ex -> {
      ex.getRequestBody().readAllBytes();
      byte[] b = "{\"error\":{\"message\":\"overloaded\"}}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(503, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    llm.start();
    String base = "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1";
    LanguageModelGenerator failing = new LanguageModelGenerator(new OpenAiChatClient(
        new OpenAiChatClient.Options(base, "m", null, 100, 0.1, Duration.ofSeconds(5), 2, 5, null, null)),
        new ReportPrompts(500));
    try (TestServer s = new TestServer(Files.createTempDirectory("a502"), failing, Map.of())) {
      HttpResponse<String> r = s.post("/api/v1/analyses", "{\"symptoms\":\"fever, neck stiffness and photophobia\"}",
          TestServer.KEY);
      assertEquals(502, r.statusCode(), r.body());
      JsonNode body = JSON.readTree(r.body());
      assertEquals("generator_upstream_error", body.path("error").path("code").asText());
      assertEquals("1005-1", body.path("similarCases").path(0).path("patientUid").asText());
      assertTrue(body.path("retrieval").has("max"));
      String metrics = s.get("/metrics", null).body();
      assertTrue(metrics.contains("pi_serving_errors_total{kind=\"generator_upstream_error\"} 1.0"), metrics);
    } finally {
      llm.stop(0);
    }
  }

  @Test
  void slowEndpointGives504() throws Exception {
    // an endpoint that never answers while the test runs: the client's own 400 ms timeout ends it
    CountDownLatch testDone = new CountDownLatch(1);
    HttpServer llm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    llm.createContext("/v1/chat/completions", ex -> {
      try {
        testDone.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    llm.start();
    LanguageModelGenerator slow = new LanguageModelGenerator(new OpenAiChatClient(
        new OpenAiChatClient.Options("http://127.0.0.1:" + llm.getAddress().getPort() + "/v1", "m",
            null, 100, 0.1, Duration.ofMillis(400), 1, 5, null, null)), new ReportPrompts(500));
    try (TestServer s = new TestServer(Files.createTempDirectory("a504"), slow, Map.of())) {
      HttpResponse<String> r = s.post("/api/v1/analyses", "{\"symptoms\":\"hip pain after a fall\"}",
          TestServer.KEY);
      assertEquals(504, r.statusCode(), r.body());
      JsonNode body = JSON.readTree(r.body());
      assertEquals("generator_timeout", body.path("error").path("code").asText());
      assertTrue(body.path("similarCases").size() > 0);
    } finally {
      testDone.countDown();
      llm.stop(0);
    }
  }
}
