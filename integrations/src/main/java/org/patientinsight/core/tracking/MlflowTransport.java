package org.patientinsight.core.tracking;

import org.patientinsight.core.config.Locations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.patientinsight.core.retry.RetryPolicy;

/**
 * The one HTTP path to an MLflow tracking server, plain or SageMaker-managed: JSON calls under
 * {@code /api/2.0/mlflow/}, artifact uploads under {@code /api/2.0/mlflow-artifacts/}. What
 * differs between servers is only the {@link RequestAuthorizer} (bearer, basic or SigV4).
 *
 * <p>Retries are deliberately narrow: a request is sent again only when the server cannot have
 * acted on it (connection refused, 429, 503), with the project's {@link RetryPolicy}
 * (doubling waits, no jitter). A 500 after a
 * log-batch may have been partly applied, and sending it again would duplicate metric points.
 */
final class MlflowTransport {
  static final String API_PREFIX = "/api/2.0/mlflow/";
  static final String ARTIFACTS_PREFIX = "/api/2.0/mlflow-artifacts/artifacts/";
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection",
      "expect", "upgrade");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final String base;
  private final RequestAuthorizer auth;
  private final HttpClient http;
  private final Duration timeout;
  private final RetryPolicy retry;

  MlflowTransport(URI base, RequestAuthorizer auth) {
    this(base, auth, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build(),
        Duration.ofSeconds(60), 3, Duration.ofMillis(500), RetryPolicy.THREAD_SLEEP);
  }

  /** @param initialBackoff the first wait; each later one doubles (no jitter) */
  MlflowTransport(URI base, RequestAuthorizer auth, HttpClient http, Duration timeout,
      int maxAttempts, Duration initialBackoff, RetryPolicy.Sleeper sleeper) {
    this.base = Locations.withoutTrailingSlashes(base.toString());
    this.auth = auth;
    this.http = http;
    this.timeout = timeout;
    this.retry = RetryPolicy.exponential(Math.max(1, maxAttempts), initialBackoff, MAX_BACKOFF)
        .withJitter(RetryPolicy.Jitter.NONE)
        .withSleeper(sleeper)
        .retryingOn(MlflowTransport::serverCannotHaveActed);
  }

  String base() {
    return base;
  }

  /** GET {base}/api/2.0/mlflow/{endpoint}?{query}; returns the JSON body. */
  String get(String endpoint, Map<String, String> query) throws IOException, MlflowApiException {
    StringJoiner q = new StringJoiner("&");
    query.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
    String uri = base + API_PREFIX + endpoint + (query.isEmpty() ? "" : "?" + q);
    return send("GET", URI.create(uri), null, null, endpoint);
  }

  /** POST {base}/api/2.0/mlflow/{endpoint} with a JSON body; returns the JSON body. */
  String post(String endpoint, String json) throws IOException, MlflowApiException {
    return send("POST", URI.create(base + API_PREFIX + endpoint), "application/json",
        json.getBytes(StandardCharsets.UTF_8), endpoint);
  }

  /** PUT {base}/api/2.0/mlflow-artifacts/artifacts/{path} (the server's artifact proxy). */
  void putArtifact(String artifactPath, byte[] content, String contentType)
      throws IOException, MlflowApiException {
    StringJoiner p = new StringJoiner("/");
    for (String segment : artifactPath.split("/")) {
      if (!segment.isEmpty()) {
        p.add(encode(segment));
      }
    }
    send("PUT", URI.create(base + ARTIFACTS_PREFIX + p), contentType, content,
        "mlflow-artifacts PUT");
  }

  private String send(String method, URI uri, String contentType, byte[] body, String call)
      throws IOException, MlflowApiException {
    Map<String, String> headers = new LinkedHashMap<>();
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    headers.putAll(auth.headers(method, uri, Map.copyOf(headers), body));
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((k, v) -> {
      if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
        rb.header(k, v);
      }
    });
    rb.header("User-Agent", "patient-insight-mlflow");
    HttpRequest request = rb.build();
    try {
      return retry.run(attempt -> exchange(request, call));
    } catch (IOException | MlflowApiException | RuntimeException e) {
      throw e;
    } catch (RetryPolicy.Interrupted e) {
      throw new IOException("interrupted during retry back-off", e);
    } catch (Exception e) {
      throw new IllegalStateException("unexpected failure calling " + call, e);
    }
  }

  /** One request: the body of a 2xx answer, else the server's error. */
  private String exchange(HttpRequest request, String call)
      throws IOException, MlflowApiException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + call, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    throw error(call, status, response.body());
  }

  /** Connection refused, 429 or 503: the request was not acted on, so sending it again is safe. */
  private static boolean serverCannotHaveActed(Exception e) {
    return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
        || e instanceof MlflowApiException m && (m.status() == 429 || m.status() == 503);
  }

  private static MlflowApiException error(String call, int status, String body) {
    String code = null;
    String message = body;
    try {
      JsonNode node = JSON.readTree(body == null ? "" : body);
      if (node != null && node.isObject()) {
        code = node.path("error_code").isTextual() ? node.get("error_code").asText() : null;
        message = node.path("message").isTextual() ? node.get("message").asText() : body;
      }
    } catch (IOException notJson) {
      // keep the raw body (shortened by the exception)
    }
    return new MlflowApiException(call, status, code, message);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
