package org.patientinsight.core.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * POSTs a Slack-compatible JSON payload ({@link SlackPayload}) to a webhook URL. Any non-2xx
 * answer, timeout or I/O error is a delivery failure. The URL may carry a token, so messages
 * name only its host.
 */
public final class WebhookAlertSink implements AlertSink {
  private final URI url;
  private final Duration timeout;
  private final HttpClient http;

  public WebhookAlertSink(URI url, Duration timeout) {
    this.url = checkUrl(url);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  static URI checkUrl(URI url) {
    Objects.requireNonNull(url, "webhook url");
    String scheme = url.getScheme();
    if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || url.getHost() == null) {
      throw new IllegalArgumentException("webhook url must be an absolute http(s) URL with a host");
    }
    return url;
  }

  @Override
  public String name() {
    return "webhook";
  }

  /** The host the alerts go to (safe to log: no path, no token). */
  public String host() {
    return url.getHost();
  }

  @Override
  public void send(Alert alert) {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(SlackPayload.toJson(alert), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AlertDeliveryException("webhook to host " + host() + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlertDeliveryException("webhook to host " + host() + " interrupted", e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new AlertDeliveryException("webhook to host " + host() + " answered HTTP " + status);
    }
  }
}
