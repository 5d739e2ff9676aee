package org.patientinsight.serving.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat-completions client against a loopback server speaking the OpenAI protocol. */
class OpenAiChatClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Prompt PROMPT = new Prompt("be a doctor", "the case");
  private static final String OK = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":"
      + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Report text.\"},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":200,"
      + "\"total_tokens\":1200}}";
  private static final LoopbackHttp.Reply RATE_LIMITED = new LoopbackHttp.Reply(429,
      Map.of("Content-Type", "application/json", "Retry-After", "0"),
      "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}", 0);
  private static final LoopbackHttp.Reply BAD_GATEWAY = LoopbackHttp.Reply.json(502,
      "{\"error\":{\"message\":\"upstream\"}}");

  /** The back-off waits the client asked for; nothing really waits. */
  private final List<Duration> waits = new ArrayList<>();

  private OpenAiChatClient client(LoopbackHttp s, int attempts, Duration timeout) {
    return new OpenAiChatClient(new OpenAiChatClient.Options(s.baseUrl() + "/v1", "gpt-4o",
        "sk-test", 300, 0.2, timeout, attempts, 10, 0.0025, 0.01), waits::add);
  }

  @Test
  void postsChatCompletionsAndReadsUsageAndCost() throws Exception {
    try (LoopbackHttp s = new LoopbackHttp(LoopbackHttp.Reply.json(200, OK))) {
      Generation g = client(s, 3, Duration.ofSeconds(5)).complete(PROMPT);
      assertEquals("Report text.", g.text());
      assertEquals(1000, g.promptTokens());
      assertEquals(200, g.completionTokens());
      assertEquals(0.0025 + 0.002, g.costUsd(), 1e-9);
      LoopbackHttp.Recorded r = s.requests.get(0);
      assertEquals("/v1/chat/completions", r.path());
      assertEquals("Bearer sk-test", r.headers().get("Authorization").get(0));
      JsonNode body = JSON.readTree(r.body());
      assertEquals("gpt-4o", body.path("model").asText());
      assertEquals("system", body.path("messages").path(0).path("role").asText());
      assertEquals("the case", body.path("messages").path(1).path("content").asText());
      assertEquals(300, body.path("max_tokens").asInt());
    }
  }

  @Test
  void retries429And5xxThenSucceeds() {
    try (LoopbackHttp s = new LoopbackHttp(RATE_LIMITED, BAD_GATEWAY, LoopbackHttp.Reply.json(200, OK))) {
      assertEquals("Report text.", client(s, 3, Duration.ofSeconds(5)).complete(PROMPT).text());
      assertEquals(3, s.requests.size());
      // equal jitter: attempt n waits between half and all of 10 ms * 2^(n-1)
      assertEquals(2, waits.size());
      assertTrue(waits.get(0).toMillis() >= 5 && waits.get(0).toMillis() <= 10, "" + waits);
      assertTrue(waits.get(1).toMillis() >= 10 && waits.get(1).toMillis() <= 20, "" + waits);
    }
  }

  @Test
  void aLongerRetryAfterIsHonouredUpToTheCap() {
    LoopbackHttp.Reply askTwoSeconds = new LoopbackHttp.Reply(429,
        Map.of("Content-Type", "application/json", "Retry-After", "2"), "{\"error\":{}}", 0);
    LoopbackHttp.Reply askAnHour = new LoopbackHttp.Reply(503,
        Map.of("Content-Type", "application/json", "Retry-After", "3600"), "{\"error\":{}}", 0);
    try (LoopbackHttp s = new LoopbackHttp(askTwoSeconds, askAnHour, LoopbackHttp.Reply.json(200, OK))) {
      assertEquals("Report text.", client(s, 3, Duration.ofSeconds(5)).complete(PROMPT).text());
      assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(20)), waits);
    }
  }

  @Test
  void persistent429IsThrottledAnd5xxIsUpstream() {
    try (LoopbackHttp s = new LoopbackHttp(RATE_LIMITED)) {
      GenerationException e = assertThrows(GenerationException.class,
          () -> client(s, 3, Duration.ofSeconds(5)).complete(PROMPT));
      assertEquals(GenerationException.Kind.THROTTLED, e.kind());
      assertEquals(3, s.requests.size());
    }
    try (LoopbackHttp s = new LoopbackHttp(BAD_GATEWAY)) {
      GenerationException e = assertThrows(GenerationException.class,
          () -> client(s, 2, Duration.ofSeconds(5)).complete(PROMPT));
      assertEquals(GenerationException.Kind.UPSTREAM_ERROR, e.kind());
    }
  }

  @Test
  void clientErrorsAreNotRetried() {
    try (LoopbackHttp s = new LoopbackHttp(LoopbackHttp.Reply.json(401, "{\"error\":{}}"))) {
      assertThrows(GenerationException.class, () -> client(s, 3, Duration.ofSeconds(5)).complete(PROMPT));
      assertEquals(1, s.requests.size());
      assertTrue(waits.isEmpty());
    }
  }

  @Test
  void aSlowServerIsATimeout() {
    try (LoopbackHttp s = new LoopbackHttp(new LoopbackHttp.Reply(200,
        Map.of("Content-Type", "application/json"), OK, 3000))) {
      GenerationException e = assertThrows(GenerationException.class,
          () -> client(s, 1, Duration.ofMillis(600)).complete(PROMPT));
      assertEquals(GenerationException.Kind.TIMEOUT, e.kind());
      assertTrue(e.getMessage().contains("did not answer"));
    }
  }
}
