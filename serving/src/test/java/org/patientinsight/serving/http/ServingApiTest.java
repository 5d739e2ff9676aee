package org.patientinsight.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.TestServer;

class ServingApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHEST = "{\"symptoms\":\"crushing chest pain radiating to the left arm "
      + "with sweating\",\"age\":60,\"sex\":\"F\"}";
  private static Path analyses;
  private static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    analyses = Files.createTempDirectory("analyses");
    s = new TestServer(analyses);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void analysisWithoutKeyIs401AndWithKeyIs201() throws Exception {
    HttpResponse<String> none = s.post("/api/v1/analyses", CHEST, null);
    assertEquals(401, none.statusCode());
    assertEquals("unauthorized", JSON.readTree(none.body()).path("error").path("code").asText());
    assertEquals(401, s.post("/api/v1/analyses", CHEST, "wrong-key").statusCode());

    HttpResponse<String> ok = s.post("/api/v1/analyses", CHEST, TestServer.KEY);
    assertEquals(201, ok.statusCode(), ok.body());
    JsonNode a = JSON.readTree(ok.body());
    assertTrue(a.path("id").asText().matches("[0-9a-f-]{36}"));
    assertEquals("extractive", a.path("generator").asText());
    assertFalse(a.path("languageModel").asBoolean());
    assertTrue(a.path("report").asText().startsWith("EXTRACTIVE SUMMARY"));
    JsonNode cases = a.path("similarCases");
    assertEquals(3, cases.size());
    assertEquals("1001-1", cases.get(0).path("patientUid").asText(), "the infarction case ranks first");
    assertEquals("1001", cases.get(0).path("pmid").asText());
    assertEquals("F", cases.get(0).path("sex").asText());
    assertTrue(cases.get(0).path("score").asDouble() > 0.4);
    assertTrue(a.path("report").asText().contains("[1001-1]"));
    assertEquals("bm25", a.path("retrieval").path("mode").asText());
    assertTrue(a.path("retrieval").has("lowScore"));
    assertTrue(a.path("timings").path("totalMs").isNumber());
    assertEquals(0, a.path("usage").path("promptTokens").asInt());
  }

  @Test
  void filtersArePushedDownAndTopKHonoured() throws Exception {
    HttpResponse<String> r = s.post("/api/v1/search", "{\"symptoms\":\"chest pain\",\"topK\":5,"
        + "\"filters\":{\"sex\":\"M\",\"ageMin\":18}}", TestServer.KEY);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode cases = JSON.readTree(r.body()).path("similarCases");
    assertTrue(cases.size() >= 1 && cases.size() <= 5);
    for (JsonNode c : cases) {
      assertEquals("M", c.path("sex").asText());
      assertTrue(c.path("age").asDouble() >= 18);
    }
  }

  @Test
  void badInputGives400NamingTheField() throws Exception {
    Map<String, String> cases = Map.of(
        "", "body",
        "{not json", "body",
        "[1,2]", "body",
        "{}", "symptoms",
        "{\"symptoms\":\"   \"}", "symptoms",
        "{\"symptoms\":\"x y z\",\"topK\":0}", "topK",
        "{\"symptoms\":\"x y z\",\"topK\":2.5}", "topK",
        "{\"symptoms\":\"x y z\",\"sex\":\"X\"}", "sex",
        "{\"symptoms\":\"x y z\",\"symptom\":\"typo\"}", "symptom",
        "{\"symptoms\":\"x y z\",\"filters\":{\"ageMin\":50,\"ageMax\":10}}", "filters.ageMin");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> r = s.post("/api/v1/analyses", c.getKey(), TestServer.KEY);
      assertEquals(400, r.statusCode(), c.getKey());
      JsonNode err = JSON.readTree(r.body()).path("error");
      assertEquals(c.getValue(), err.path("field").asText(), c.getKey() + " -> " + r.body());
      assertFalse(r.body().contains("at org."), "no stack trace");
    }
    String big = "{\"symptoms\":\"" + "a".repeat(70_000) + "\"}";
    HttpResponse<String> r = s.post("/api/v1/analyses", big, TestServer.KEY);
    assertEquals(400, r.statusCode());
    assertEquals("body", JSON.readTree(r.body()).path("error").path("field").asText());
    String longSymptoms = "{\"symptoms\":\"" + "a ".repeat(4_500) + "\"}";
    r = s.post("/api/v1/analyses", longSymptoms, TestServer.KEY);
    assertEquals(400, r.statusCode());
    assertEquals("symptoms", JSON.readTree(r.body()).path("error").path("field").asText());
  }

  @Test
  void weakRetrievalIsFlaggedCountedAndNotified() throws Exception {
    int before = s.lowScores.size();
    HttpResponse<String> r = s.post("/api/v1/search",
        "{\"symptoms\":\"quarterly tax filing deadline for small businesses\",\"retrievalMode\":\"dense\"}",
        TestServer.KEY);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode retrieval = JSON.readTree(r.body()).path("retrieval");
    assertTrue(retrieval.path("lowScore").asBoolean(), r.body());
    assertTrue(retrieval.path("max").asDouble() < 0.5);
    assertEquals(before + 1, s.lowScores.size());
    PrometheusText p = PrometheusText.parse(s.get("/metrics", null).body());
    assertTrue(p.sum("pi_serving_retrieval_low_score_total", Map.of()) >= 1);
  }

  @Test
  void unknownRoutesAndIdsAre404() throws Exception {
    HttpResponse<String> r = s.get("/api/v2/nothing", TestServer.KEY);
    assertEquals(404, r.statusCode());
    assertEquals("not_found", JSON.readTree(r.body()).path("error").path("code").asText());
    assertEquals(404, s.get("/nope", null).statusCode());
    r = s.post("/api/v1/analyses/00000000-0000-0000-0000-000000000000/questions",
        "{\"question\":\"what treatment?\"}", TestServer.KEY);
    assertEquals(404, r.statusCode());
    assertEquals("analysis_not_found", JSON.readTree(r.body()).path("error").path("code").asText());
    assertEquals(404, s.get("/api/v1/analyses/..%2F..%2Fetc", TestServer.KEY).statusCode());
  }

  @Test
  void healthAndPageAreOpen() throws Exception {
    assertEquals(200, s.get("/health/live", null).statusCode());
    HttpResponse<String> ready = s.get("/health/ready", null);
    assertEquals(200, ready.statusCode());
    assertTrue(JSON.readTree(ready.body()).path("embedderLoaded").asBoolean());
    HttpResponse<String> page = s.get("/", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<form"));
    assertFalse(page.body().contains("http://") || page.body().contains("https://cdn"));
    assertEquals(200, s.get("/static/app.js", null).statusCode());
    // no framing (clickjacking): CSP frame-ancestors for current browsers, X-Frame-Options for old
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    assertTrue(page.headers().firstValue("Strict-Transport-Security").isEmpty(),
        "no HSTS unless serving.hsts (plain HTTP on a laptop)");
  }

  @Test
  void metricsTokenWhenConfigured() throws Exception {
    try (TestServer t = new TestServer(Files.createTempDirectory("metrics-token"),
        new org.patientinsight.serving.generate.ExtractiveGenerator(),
        Map.of("serving.metrics_token", "scrape-secret", "serving.hsts", "true"))) {
      HttpResponse<String> none = t.get("/metrics", null);
      assertEquals(401, none.statusCode());
      assertEquals("Authorization", JSON.readTree(none.body()).path("error").path("field").asText());
      assertEquals(401, t.get("/metrics", TestServer.KEY).statusCode(), "an API key is not the token");
      HttpResponse<String> ok = t.get("/metrics", "scrape-secret");
      assertEquals(200, ok.statusCode());
      assertTrue(ok.body().contains("pi_serving_"));
      assertEquals(200, t.get("/health/live", null).statusCode(), "probes need no token");
      assertEquals("max-age=31536000",
          t.get("/health/live", null).headers().firstValue("Strict-Transport-Security").orElse(""));
    }
  }

  @Test
  void metricsAreValidPrometheusText() throws Exception {
    s.post("/api/v1/analyses", CHEST, TestServer.KEY);
    s.post("/api/v1/analyses", "{}", TestServer.KEY);
    s.post("/api/v1/search", "{\"symptoms\":\"zzzz qqqq\"}", TestServer.KEY);
    HttpResponse<String> r = s.get("/metrics", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    PrometheusText p = PrometheusText.parse(r.body());
    // client_java declares counters under their _total name in format 0.0.4
    assertEquals("counter", p.types.get("pi_serving_http_requests_total"));
    assertEquals("histogram", p.types.get("pi_serving_http_request_duration_seconds"));
    assertTrue(p.sum("pi_serving_http_requests_total",
        Map.of("route", "/api/v1/analyses", "status", "201")) >= 1);
    assertTrue(p.sum("pi_serving_http_requests_total",
        Map.of("route", "/api/v1/analyses", "status", "400")) >= 1);
    assertTrue(p.sum("pi_serving_errors_total", Map.of("kind", "bad_request")) >= 1);
    assertTrue(p.sum("pi_serving_retrieval_best_score_count", Map.of()) >= 2);
    assertTrue(p.sum("pi_serving_generation_duration_seconds_count",
        Map.of("generator", "extractive", "outcome", "ok")) >= 1);
    // histogram rules: cumulative buckets, +Inf bucket equals _count
    List<PrometheusText.Sample> buckets = p.named("pi_serving_retrieval_best_score_bucket").stream()
        .filter(b -> b.labels().get("mode").equals("bm25")).toList();
    double prev = 0;
    for (PrometheusText.Sample b : buckets) {
      assertTrue(b.value() >= prev, "buckets are cumulative");
      prev = b.value();
    }
    assertEquals(buckets.get(buckets.size() - 1).labels().get("le"), "+Inf");
    assertEquals(prev, p.sum("pi_serving_retrieval_best_score_count", Map.of("mode", "bm25")));
    assertFalse(r.body().contains("chest pain"), "no request text in metrics");
  }

  @Test
  void questionsAreAnsweredFromTheAnalysisAndKept() throws Exception {
    JsonNode a = JSON.readTree(s.post("/api/v1/analyses", CHEST, TestServer.KEY).body());
    String id = a.path("id").asText();
    HttpResponse<String> q = s.post("/api/v1/analyses/" + id + "/questions",
        "{\"question\":\"Which stent was used?\"}", TestServer.KEY);
    assertEquals(200, q.statusCode(), q.body());
    String answer = JSON.readTree(q.body()).path("answer").asText();
    assertTrue(answer.contains("[1001-1]") && answer.contains("stent"), answer);
    assertEquals(400, s.post("/api/v1/analyses/" + id + "/questions", "{\"question\":\"\"}",
        TestServer.KEY).statusCode());
    JsonNode again = JSON.readTree(s.get("/api/v1/analyses/" + id, TestServer.KEY).body());
    assertEquals(1, again.path("questions").size());
  }

  @Test
  void analysesSurviveARestart() throws Exception {
    Path dir = Files.createTempDirectory("analyses-restart");
    String id;
    try (TestServer first = new TestServer(dir)) {
      id = JSON.readTree(first.post("/api/v1/analyses", CHEST, TestServer.KEY).body()).path("id").asText();
    }
    try (TestServer second = new TestServer(dir)) {
      HttpResponse<String> r = second.get("/api/v1/analyses/" + id, TestServer.KEY);
      assertEquals(200, r.statusCode());
      assertEquals(id, JSON.readTree(r.body()).path("id").asText());
      HttpResponse<String> q = second.post("/api/v1/analyses/" + id + "/questions",
          "{\"question\":\"what was the troponin?\"}", TestServer.KEY);
      assertEquals(200, q.statusCode(), q.body());
      assertNotNull(JSON.readTree(q.body()).path("answer").asText());
      String unknown = java.util.UUID.randomUUID().toString();
      assertEquals(404, second.get("/api/v1/analyses/" + unknown, TestServer.KEY).statusCode(),
          "an id that was never created");
    }
  }
}
