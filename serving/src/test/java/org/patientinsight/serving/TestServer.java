package org.patientinsight.serving;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongSupplier;
import java.util.HashMap;
import java.util.Map;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.serving.alert.LowScoreNotifier;
import org.patientinsight.serving.analysis.AnalysisRepository;
import org.patientinsight.serving.analysis.AnalysisService;
import org.patientinsight.serving.analysis.FileAnalysisRepository;
import org.patientinsight.serving.config.ServingConfig;
import org.patientinsight.serving.generate.ExtractiveGenerator;
import org.patientinsight.serving.generate.Generator;
import org.patientinsight.serving.http.ApiKeyAuth;
import org.patientinsight.serving.limits.KeyRateLimiter;
import org.patientinsight.serving.http.Readiness;
import org.patientinsight.serving.http.ServingServer;
import org.patientinsight.serving.metrics.ServingMetrics;
import org.patientinsight.serving.retrieval.CaseRetriever;

/** A real server on 127.0.0.1 and a free port over the test index, plus a small client. */
public final class TestServer implements AutoCloseable {
  public static final String KEY = "test-key-123";
  /** a second clinician's key */
  public static final String KEY2 = "test-key-456";
  /** in the admin set: reads every analysis */
  public static final String ADMIN_KEY = "test-admin-789";

  public final ServingServer server;
  public final LocalVectorStore store;
  public final AnalysisService service;
  public final AnalysisRepository repository;
  public final HttpClient http = HttpClient.newHttpClient();
  public final java.util.List<org.patientinsight.serving.alert.LowScoreEvent> lowScores =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public TestServer(Path analysesDir, Generator generator, Map<String, String> extra) {
    this(new FileAnalysisRepository(analysesDir), generator, extra, Clock.systemUTC(), System::nanoTime);
  }

  /**
   * @param clock the service's clock (createdAt, retention)
   * @param nanoTime the rate limiter's clock
   */
  public TestServer(AnalysisRepository repository, Generator generator, Map<String, String> extra,
      Clock clock, LongSupplier nanoTime) {
    Map<String, String> o = new HashMap<>(Map.of("serving.port", "0"));
    o.putAll(extra);
    ServingConfig cfg = ServingConfig.from(Settings.defaults().with(o));
    this.repository = repository;
    store = LocalVectorStore.openReadOnly(TestIndex.dir());
    ServingMetrics metrics = new ServingMetrics();
    LowScoreNotifier notifier = lowScores::add;
    service = new AnalysisService(
        new CaseRetriever(MiniLmEmbedder.shared(), store, cfg.rrfK(), cfg.fusionDepth()),
        generator, generator, repository, metrics, notifier,
        cfg.retrievalMode(), cfg.lowScoreThreshold(), new AnalysisService.Retention(clock,
            cfg.retentionDays(), cfg.limits().analysesPerKey()));
    Readiness readiness = new Readiness(() -> store.count() >= 0);
    readiness.embedderLoaded();
    server = new ServingServer(cfg, service, metrics, readiness,
        ApiKeyAuth.fromHashes(ApiKeyAuth.sha256Hex(KEY) + "," + ApiKeyAuth.sha256Hex(KEY2),
            ApiKeyAuth.sha256Hex(ADMIN_KEY)),
        new KeyRateLimiter(cfg.limits().requestsPerMinute(), nanoTime)).start();
  }

  public TestServer(Path analysesDir) {
    this(analysesDir, new ExtractiveGenerator(), Map.of());
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  public HttpResponse<String> post(String path, String body, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> delete(String path, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).DELETE();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
    store.close();
    repository.close();
  }
}
