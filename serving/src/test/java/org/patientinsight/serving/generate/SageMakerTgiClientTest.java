package org.patientinsight.serving.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The real AWS SDK client against a loopback server speaking SageMaker InvokeEndpoint. */
class SageMakerTgiClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Prompt PROMPT = new Prompt("system text", "user text");
  private static final String TGI_OK = "[{\"generated_text\":\"  The report.  \",\"details\":"
      + "{\"finish_reason\":\"eos_token\",\"generated_tokens\":42,\"prefill\":[{\"id\":1},{\"id\":2},{\"id\":3}]}}]";
  private static final LoopbackHttp.Reply THROTTLED = new LoopbackHttp.Reply(400,
      Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "ThrottlingException"),
      "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", 0);
  private static final LoopbackHttp.Reply SERVER_ERROR = new LoopbackHttp.Reply(503,
      Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "ServiceUnavailable"),
      "{\"__type\":\"ServiceUnavailable\",\"message\":\"busy\"}", 0);

  private static SageMakerTgiClient client(LoopbackHttp server, int attempts, Duration timeout) {
    return new SageMakerTgiClient(new SageMakerTgiClient.Options("openbiollm-test", "us-east-1",
        URI.create(server.baseUrl()), 256, 0.2, timeout, attempts, 10, PromptFormat.LLAMA3),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
  }

  @Test
  void sendsTheTgiPayloadAndReadsTextAndTokens() throws Exception {
    try (LoopbackHttp server = new LoopbackHttp(LoopbackHttp.Reply.json(200, TGI_OK))) {
      Generation g = client(server, 3, Duration.ofSeconds(5)).complete(PROMPT);
      assertEquals("The report.", g.text());
      assertEquals(42, g.completionTokens());
      assertEquals(3, g.promptTokens());
      LoopbackHttp.Recorded r = server.requests.get(0);
      assertEquals("POST", r.method());
      assertEquals("/endpoints/openbiollm-test/invocations", r.path());
      assertTrue(r.headers().get("Authorization").get(0).startsWith("AWS4-HMAC-SHA256"), "SigV4 signed");
      JsonNode body = JSON.readTree(r.body());
      assertTrue(body.path("inputs").asText().contains("<|start_header_id|>system<|end_header_id|>"));
      assertTrue(body.path("inputs").asText().contains("user text"));
      assertEquals(256, body.path("parameters").path("max_new_tokens").asInt());
      assertFalse(body.path("parameters").path("return_full_text").asBoolean());
    }
  }

  @Test
  void retriesThrottlingAnd5xxThenSucceeds() {
    try (LoopbackHttp server = new LoopbackHttp(THROTTLED, SERVER_ERROR,
        LoopbackHttp.Reply.json(200, TGI_OK))) {
      Generation g = client(server, 3, Duration.ofSeconds(5)).complete(PROMPT);
      assertEquals("The report.", g.text());
      assertEquals(3, server.requests.size());
    }
  }

  @Test
  void persistentThrottlingBecomesAThrottledError() {
    try (LoopbackHttp server = new LoopbackHttp(THROTTLED)) {
      GenerationException e = assertThrows(GenerationException.class,
          () -> client(server, 3, Duration.ofSeconds(5)).complete(PROMPT));
      assertEquals(GenerationException.Kind.THROTTLED, e.kind());
      assertEquals(3, server.requests.size());
    }
  }

  @Test
  void persistent5xxBecomesAnUpstreamError() {
    try (LoopbackHttp server = new LoopbackHttp(SERVER_ERROR)) {
      GenerationException e = assertThrows(GenerationException.class,
          () -> client(server, 2, Duration.ofSeconds(5)).complete(PROMPT));
      assertEquals(GenerationException.Kind.UPSTREAM_ERROR, e.kind());
      assertTrue(e.getMessage().contains("503"), e.getMessage());
      assertEquals(2, server.requests.size());
    }
  }

  @Test
  void aSlowEndpointIsATimeout() {
    try (LoopbackHttp server = new LoopbackHttp(new LoopbackHttp.Reply(200,
        Map.of("Content-Type", "application/json"), TGI_OK, 3000))) {
      GenerationException e = assertThrows(GenerationException.class,
          () -> client(server, 1, Duration.ofMillis(700)).complete(PROMPT));
      assertEquals(GenerationException.Kind.TIMEOUT, e.kind());
    }
  }

  @Test
  void aResponseWithoutGeneratedTextIsABadResponse() {
    try (LoopbackHttp server = new LoopbackHttp(LoopbackHttp.Reply.json(200, "{\"error\":\"x\"}"))) {
      GenerationException e = assertThrows(GenerationException.class,
          () -> client(server, 1, Duration.ofSeconds(5)).complete(PROMPT));
      assertEquals(GenerationException.Kind.BAD_RESPONSE, e.kind());
    }
  }
}
