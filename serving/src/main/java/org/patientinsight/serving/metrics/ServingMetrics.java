package org.patientinsight.serving.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The service's Prometheus metrics, in a registry of its own (one per server instance). */
public final class ServingMetrics {
  private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
      2.5, 5, 10, 30, 60, 120};
  private static final double[] SCORE_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);

  private final Counter requests = Counter.builder().name("pi_serving_http_requests_total")
      .help("HTTP requests by route template, method and status")
      .labelNames("route", "method", "status").register(registry);
  private final Histogram requestSeconds = Histogram.builder()
      .name("pi_serving_http_request_duration_seconds")
      .help("HTTP request latency by route template, method and status")
      .classicOnly().classicUpperBounds(LATENCY_BUCKETS)
      .labelNames("route", "method", "status").register(registry);
  private final Histogram retrievalSeconds = Histogram.builder()
      .name("pi_serving_retrieval_duration_seconds")
      .help("Time to embed the query and search the store")
      .classicOnly().classicUpperBounds(LATENCY_BUCKETS).labelNames("mode").register(registry);
  private final Histogram bestScore = Histogram.builder().name("pi_serving_retrieval_best_score")
      .help("Cosine similarity of the best case per retrieval")
      .classicOnly().classicUpperBounds(SCORE_BUCKETS).labelNames("mode").register(registry);
  private final Histogram caseScore = Histogram.builder().name("pi_serving_retrieval_case_score")
      .help("Cosine similarity of every returned case")
      .classicOnly().classicUpperBounds(SCORE_BUCKETS).labelNames("mode").register(registry);
  private final Counter lowScore = Counter.builder().name("pi_serving_retrieval_low_score_total")
      .help("Retrievals whose best case scored under serving.low_score_threshold")
      .register(registry);
  private final Histogram generationSeconds = Histogram.builder()
      .name("pi_serving_generation_duration_seconds")
      .help("Report and answer generation latency by generator, task and outcome")
      .classicOnly().classicUpperBounds(LATENCY_BUCKETS)
      .labelNames("generator", "task", "outcome").register(registry);
  private final Counter tokens = Counter.builder().name("pi_serving_generation_tokens_total")
      .help("Language-model tokens by generator and type (prompt, completion)")
      .labelNames("generator", "type").register(registry);
  private final Counter errors = Counter.builder().name("pi_serving_errors_total")
      .help("Errors by kind (bad_request, unauthorized, not_found, generator_timeout, ...)")
      .labelNames("kind").register(registry);

  public void request(String route, String method, int status, double seconds) {
    String s = Integer.toString(status);
    requests.labelValues(route, method, s).inc();
    requestSeconds.labelValues(route, method, s).observe(seconds);
  }

  public void retrieval(String mode, double seconds, Double best, Iterable<Double> scores) {
    retrievalSeconds.labelValues(mode).observe(seconds);
    if (best != null) {
      bestScore.labelValues(mode).observe(best);
    }
    for (Double d : scores) {
      if (d != null) {
        caseScore.labelValues(mode).observe(d);
      }
    }
  }

  public void lowScore() {
    lowScore.inc();
  }

  public void generation(String generator, String task, boolean ok, double seconds,
      Integer promptTokens, Integer completionTokens) {
    generationSeconds.labelValues(generator, task, ok ? "ok" : "error").observe(seconds);
    if (promptTokens != null) {
      tokens.labelValues(generator, "prompt").inc(promptTokens);
    }
    if (completionTokens != null) {
      tokens.labelValues(generator, "completion").inc(completionTokens);
    }
  }

  public void error(String kind) {
    errors.labelValues(kind).inc();
  }

  public String contentType() {
    return writer.getContentType();
  }

  /** The registry in the Prometheus text exposition format (version 0.0.4). */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
