package org.patientinsight.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.TestServer;
import org.patientinsight.serving.analysis.FileAnalysisRepository;
import org.patientinsight.serving.generate.ExtractiveGenerator;

/** Owners, admins, deletion, retention and per-key limits, through the real HTTP server. */
class OwnershipAndLimitsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHEST = "{\"symptoms\":\"crushing chest pain radiating to the left arm\",\"age\":60}";

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private volatile Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static TestServer server(Map<String, String> extra, Clock clock, AtomicLong nanos)
      throws Exception {
    Path dir = Files.createTempDirectory("owned");
    return new TestServer(new FileAnalysisRepository(dir), new ExtractiveGenerator(), extra, clock,
        nanos::get);
  }

  private static String create(TestServer s, String key) throws Exception {
    HttpResponse<String> r = s.post("/api/v1/analyses", CHEST, key);
    assertEquals(201, r.statusCode(), r.body());
    return JSON.readTree(r.body()).path("id").asText();
  }

  @Test
  void anotherKeyCannotSeeExtendOrDeleteAnAnalysisButTheOwnerAndAdminsCanRead() throws Exception {
    try (TestServer s = server(Map.of(), Clock.systemUTC(), new AtomicLong())) {
      String id = create(s, TestServer.KEY);
      String path = "/api/v1/analyses/" + id;
      HttpResponse<String> other = s.get(path, TestServer.KEY2);
      assertEquals(404, other.statusCode(), "not 403: no oracle for ids");
      assertEquals("analysis_not_found", JSON.readTree(other.body()).path("error").path("code").asText());
      assertEquals(404, s.post(path + "/questions", "{\"question\":\"which stent?\"}", TestServer.KEY2).statusCode());
      assertEquals(404, s.delete(path, TestServer.KEY2).statusCode());
      HttpResponse<String> admin = s.get(path, TestServer.ADMIN_KEY);
      assertEquals(200, admin.statusCode(), "the admin set reads every analysis");
      assertEquals(404, s.delete(path, TestServer.ADMIN_KEY).statusCode(), "admins read, only owners delete");

      assertEquals(200, s.post(path + "/questions", "{\"question\":\"which stent?\"}", TestServer.KEY).statusCode());
      JsonNode mine = JSON.readTree(s.get(path, TestServer.KEY).body());
      assertEquals(1, mine.path("questions").size());
      assertFalse(mine.has("owner"), "the owner's key id is not echoed");
      String owner = s.repository.find(id).orElseThrow().owner();
      assertEquals(ApiKeyAuth.keyId(ApiKeyAuth.sha256(TestServer.KEY)), owner, "a hash id, not the key");
      assertFalse(owner.contains(TestServer.KEY));

      HttpResponse<String> del = s.delete(path, TestServer.KEY);
      assertEquals(204, del.statusCode(), del.body());
      assertEquals(404, s.get(path, TestServer.KEY).statusCode());
      assertEquals(404, s.get(path, TestServer.ADMIN_KEY).statusCode());
      assertEquals(404, s.delete(path, TestServer.KEY).statusCode(), "already deleted");
      assertEquals(401, s.delete(path, null).statusCode());
    }
  }

  @Test
  void analysesOlderThanTheRetentionPeriodArePurged() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-01T08:00:00Z"));
    try (TestServer s = server(Map.of("serving.analyses.retention_days", "30"), clock, new AtomicLong())) {
      String old = create(s, TestServer.KEY);
      clock.advance(Duration.ofDays(20));
      String newer = create(s, TestServer.KEY2);
      clock.advance(Duration.ofDays(10).plusMinutes(1)); // old is now 30 days + 1 minute old
      assertEquals(1, s.service.purgeExpired());
      assertEquals(404, s.get("/api/v1/analyses/" + old, TestServer.KEY).statusCode());
      assertEquals(200, s.get("/api/v1/analyses/" + newer, TestServer.KEY2).statusCode());
      assertEquals(0, s.service.purgeExpired(), "nothing else is due");
      clock.advance(Duration.ofDays(21));
      assertEquals(1, s.service.purgeExpired());
      assertEquals(404, s.get("/api/v1/analyses/" + newer, TestServer.KEY2).statusCode());
    }
  }

  @Test
  void aKeyOverItsRequestRateGets429WithRetryAfterAndOtherKeysDoNot() throws Exception {
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    try (TestServer s = server(Map.of("serving.rate_limit.requests_per_minute", "3"),
        Clock.systemUTC(), nanos)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, s.post("/api/v1/search", CHEST, TestServer.KEY).statusCode());
      }
      HttpResponse<String> limited = s.post("/api/v1/search", CHEST, TestServer.KEY);
      assertEquals(429, limited.statusCode());
      assertEquals("20", limited.headers().firstValue("Retry-After").orElse(""),
          "one request per 20 s at 3 per minute");
      assertEquals("rate_limited", JSON.readTree(limited.body()).path("error").path("code").asText());
      assertEquals(200, s.post("/api/v1/search", CHEST, TestServer.KEY2).statusCode(), "per key");
      assertEquals(200, s.get("/health/live", null).statusCode(), "probes are not limited");
      nanos.addAndGet(Duration.ofSeconds(20).toNanos());
      assertEquals(200, s.post("/api/v1/search", CHEST, TestServer.KEY).statusCode(), "refilled");
      assertEquals(429, s.post("/api/v1/search", CHEST, TestServer.KEY).statusCode());
    }
  }

  @Test
  void aKeyStoringTooManyAnalysesGets429UntilItDeletesOne() throws Exception {
    try (TestServer s = server(Map.of("serving.rate_limit.analyses_per_key", "2"),
        Clock.systemUTC(), new AtomicLong())) {
      String first = create(s, TestServer.KEY);
      create(s, TestServer.KEY);
      HttpResponse<String> full = s.post("/api/v1/analyses", CHEST, TestServer.KEY);
      assertEquals(429, full.statusCode());
      assertTrue(full.headers().firstValue("Retry-After").isPresent());
      assertEquals("analysis_quota", JSON.readTree(full.body()).path("error").path("code").asText());
      create(s, TestServer.KEY2);
      assertEquals(204, s.delete("/api/v1/analyses/" + first, TestServer.KEY).statusCode());
      create(s, TestServer.KEY);
    }
  }
}
