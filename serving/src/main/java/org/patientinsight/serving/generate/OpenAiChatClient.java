package org.patientinsight.serving.generate;

import org.patientinsight.core.config.Locations;
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
import org.patientinsight.core.retry.RetryPolicy;

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

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

  private final Options o;
  private final HttpClient http;
  private final RetryPolicy retry;
  private final URI uri;

  public OpenAiChatClient(Options options) {
    this(options, RetryPolicy.THREAD_SLEEP);
  }

  OpenAiChatClient(Options options, RetryPolicy.Sleeper sleeper) {
    this.o = options;
    this.uri = URI.create(Locations.withoutTrailingSlashes(options.baseUrl()) + "/chat/completions");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Duration backoffBase = Duration.ofMillis(options.backoffBaseMillis());
    this.retry = RetryPolicy.exponential(options.maxAttempts(), backoffBase,
            backoffBase.compareTo(MAX_BACKOFF) > 0 ? backoffBase : MAX_BACKOFF)
        .withJitter(RetryPolicy.Jitter.EQUAL)
        .withSleeper(sleeper)
        .retryingOn(e -> e instanceof Transient)
        .honouring(e -> e instanceof Transient t ? t.retryAfter : null);
  }

  /** A failure worth another attempt, with the wait the server asked for (Retry-After). */
  private static final class Transient extends RuntimeException {
    final GenerationException failure;
    final Duration retryAfter;

    Transient(GenerationException failure, Duration retryAfter) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
      this.retryAfter = retryAfter;
    }
  }

  @Override
  public String name() {
    return "openai:" + o.model();
  }

  @Override
  public Generation complete(Prompt prompt) {
    byte[] body = requestBody(prompt);
    try {
      return retry.run(attempt -> attempt(body, attempt));
    } catch (Transient t) {
      throw t.failure;
    } catch (RetryPolicy.Interrupted e) {
      throw new GenerationException(GenerationException.Kind.UPSTREAM_ERROR, "interrupted", e);
    }
  }

  /** One request; a failure that may pass is thrown as {@link Transient}. */
  private Generation attempt(byte[] body, int attempt) {
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
      GenerationException failure = new GenerationException(kind, "chat completions endpoint "
          + "answered HTTP " + r.statusCode() + " (attempt " + attempt + " of " + o.maxAttempts() + ")");
      if (!RETRYABLE.contains(r.statusCode())) {
        throw failure;
      }
      throw new Transient(failure,
          r.headers().firstValue("Retry-After").map(OpenAiChatClient::retryAfter).orElse(null));
    } catch (HttpTimeoutException e) {
      throw new Transient(new GenerationException(GenerationException.Kind.TIMEOUT,
          "chat completions endpoint did not answer within " + o.timeout().toSeconds() + " s", e),
          null);
    } catch (IOException e) {
      throw new Transient(new GenerationException(GenerationException.Kind.UPSTREAM_ERROR,
          "cannot reach the chat completions endpoint: " + e.getClass().getSimpleName(), e), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenerationException(GenerationException.Kind.UPSTREAM_ERROR, "interrupted", e);
    }
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

  /** Retry-After in seconds; null for an HTTP date (our own back-off applies then). */
  private static Duration retryAfter(String v) {
    try {
      return Duration.ofMillis((long) (Double.parseDouble(v.trim()) * 1000));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
