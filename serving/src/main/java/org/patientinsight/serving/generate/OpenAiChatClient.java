package org.patientinsight.serving.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * OpenAI-compatible chat completions ({@code POST {base}/chat/completions}): OpenAI itself
 * (GPT-4o, as in the seed), vLLM and llama.cpp servers. Retries 429 and 5xx with back-off,
 * honouring Retry-After; each attempt has its own timeout.
 */
public final class OpenAiChatClient implements CompletionClient {
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Settings of one deployment; prices are USD per 1000 tokens, null when unknown. */
  public record Options(String baseUrl, String model, String apiKey, int maxTokens,
      double temperature, Duration timeout, int maxAttempts, long backoffBaseMillis,
      Double pricePromptPer1k, Double priceCompletionPer1k) {}

  private final Options o;
  private final HttpClient http;
  private final Backoff backoff;
  private final URI uri;

  public OpenAiChatClient(Options options) {
    this.o = options;
    String base = options.baseUrl().endsWith("/")
        ? options.baseUrl().substring(0, options.baseUrl().length() - 1) : options.baseUrl();
    this.uri = URI.create(base + "/chat/completions");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.backoff = new Backoff(options.backoffBaseMillis(), Math.max(options.backoffBaseMillis(), 20_000));
  }

  @Override
  public String name() {
    return "openai:" + o.model();
  }

  @Override
  public Generation complete(Prompt prompt) {
    byte[] body = requestBody(prompt);
    GenerationException last = null;
    for (int attempt = 1; attempt <= o.maxAttempts(); attempt++) {
      Long retryAfter = null;
      try {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(o.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (o.apiKey() != null && !o.apiKey().isEmpty()) {
          rb.header("Authorization", "Bearer " + o.apiKey());
        }
        HttpResponse<String> r = http.send(rb.build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 == 2) {
          return parse(r.body());
        }
        GenerationException.Kind kind = r.statusCode() == 429
            ? GenerationException.Kind.THROTTLED : GenerationException.Kind.UPSTREAM_ERROR;
        last = new GenerationException(kind, "chat completions endpoint answered HTTP "
            + r.statusCode() + " (attempt " + attempt + " of " + o.maxAttempts() + ")");
        if (!RETRYABLE.contains(r.statusCode())) {
          throw last;
        }
        retryAfter = r.headers().firstValue("Retry-After").map(OpenAiChatClient::seconds).orElse(null);
      } catch (HttpTimeoutException e) {
        last = new GenerationException(GenerationException.Kind.TIMEOUT,
            "chat completions endpoint did not answer within " + o.timeout().toSeconds() + " s", e);
      } catch (IOException e) {
        last = new GenerationException(GenerationException.Kind.UPSTREAM_ERROR,
            "cannot reach the chat completions endpoint: " + e.getClass().getSimpleName(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GenerationException(GenerationException.Kind.UPSTREAM_ERROR, "interrupted", e);
      }
      if (attempt < o.maxAttempts()) {
        sleep(backoff.delayMillis(attempt, retryAfter));
      }
    }
    throw last;
  }

  private byte[] requestBody(Prompt prompt) {
    ObjectNode req = JSON.createObjectNode();
    req.put("model", o.model());
    ArrayNode messages = req.putArray("messages");
    messages.addObject().put("role", "system").put("content", prompt.system());
    messages.addObject().put("role", "user").put("content", prompt.user());
    req.put("max_tokens", o.maxTokens());
    req.put("temperature", o.temperature());
    try {
      return JSON.writeValueAsBytes(req);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Generation parse(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode content = root.path("choices").path(0).path("message").path("content");
      if (!content.isTextual() || content.asText().isBlank()) {
        throw new GenerationException(GenerationException.Kind.BAD_RESPONSE,
            "chat completions response has no choices[0].message.content");
      }
      JsonNode usage = root.path("usage");
      Integer pt = usage.has("prompt_tokens") ? usage.get("prompt_tokens").asInt() : null;
      Integer ct = usage.has("completion_tokens") ? usage.get("completion_tokens").asInt() : null;
      Double cost = null;
      if (pt != null && ct != null && o.pricePromptPer1k() != null && o.priceCompletionPer1k() != null) {
        cost = pt / 1000.0 * o.pricePromptPer1k() + ct / 1000.0 * o.priceCompletionPer1k();
      }
      return new Generation(content.asText().strip(), pt, ct, cost, 0);
    } catch (IOException e) {
      throw new GenerationException(GenerationException.Kind.BAD_RESPONSE,
          "chat completions response is not JSON", e);
    }
  }

  private static Long seconds(String v) {
    try {
      return (long) (Double.parseDouble(v.trim()) * 1000);
    } catch (NumberFormatException e) {
      return null; // an HTTP date; fall back to our own back-off
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenerationException(GenerationException.Kind.UPSTREAM_ERROR, "interrupted", e);
    }
  }
}
