package org.patientinsight.serving;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.patientinsight.core.alert.AlertDispatcher;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.embed.TextEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.StoreChoice;
import org.patientinsight.core.vector.VectorStore;
import org.patientinsight.pinecone.PineconeVectorStore;
import org.patientinsight.serving.alert.AlertingLowScoreNotifier;
import org.patientinsight.serving.alert.IntervalRateLimiter;
import org.patientinsight.serving.alert.LowScoreNotifier;
import org.patientinsight.serving.analysis.AnalysisRepository;
import org.patientinsight.serving.analysis.AnalysisService;
import org.patientinsight.serving.analysis.AnalysisStores;
import org.patientinsight.serving.config.ServingConfig;
import org.patientinsight.serving.generate.ExtractiveGenerator;
import org.patientinsight.serving.generate.Generator;
import org.patientinsight.serving.generate.LanguageModelGenerator;
import org.patientinsight.serving.generate.OpenAiChatClient;
import org.patientinsight.serving.generate.PromptFormat;
import org.patientinsight.serving.generate.ReportPrompts;
import org.patientinsight.serving.generate.SageMakerTgiClient;
import org.patientinsight.serving.http.ApiKeyAuth;
import org.patientinsight.serving.http.Readiness;
import org.patientinsight.serving.http.ServingServer;
import org.patientinsight.serving.log.EventLog;
import org.patientinsight.serving.metrics.ServingMetrics;
import org.patientinsight.serving.retrieval.CaseRetriever;
import org.patientinsight.serving.retrieval.QueryEmbedders;

/** Builds the service from the configuration: store, retriever, generator, alerts, server. */
public final class ServingComponents implements AutoCloseable {
  private final VectorStore store;
  private final LowScoreNotifier notifier;
  private final ServingServer server;
  private final Readiness readiness;
  private final AnalysisRepository analyses;
  private final ScheduledExecutorService purger;
  private final TextEmbedder embedder;

  private ServingComponents(VectorStore store, LowScoreNotifier notifier, ServingServer server,
      Readiness readiness, AnalysisRepository analyses, ScheduledExecutorService purger,
      TextEmbedder embedder) {
    this.embedder = embedder;
    this.store = store;
    this.notifier = notifier;
    this.server = server;
    this.readiness = readiness;
    this.analyses = analyses;
    this.purger = purger;
  }

  /**
   * @param auth null switches authentication off (--insecure-dev only)
   * @param embedder the JVM's default embedder; an index that records another model gets that
   *     model's embedder instead ({@link #embedder()}, warmed up before the service is ready)
   */
  public static ServingComponents build(Settings settings, Map<String, String> env,
      TextEmbedder embedder, ApiKeyAuth auth) {
    ServingConfig cfg = ServingConfig.from(settings);
    Generator report = generator(cfg.generator(), settings, env);
    String q = settings.getOptional("serving.question_generator");
    Generator question = q == null ? report
        : generator(settings.getChoice("serving.question_generator", "extractive", "sagemaker", "openai"),
            settings, env);
    VectorStore store;
    if (cfg.store().equals(StoreChoice.PINECONE)) {
      store = PineconeVectorStore.open(settings, env);
    } else {
      LocalVectorStore local = LocalVectorStore.openReadOnly(cfg.vectorIndexDir());
      store = local;
      embedder = QueryEmbedders.matching(local.modelId(), embedder);
    }
    ServingMetrics metrics = new ServingMetrics();
    LowScoreNotifier notifier = new AlertingLowScoreNotifier(
        AlertDispatcher.fromSettings(settings, env),
        new IntervalRateLimiter(cfg.lowScoreAlertIntervalSeconds() * 1000L, System::nanoTime));
    CaseRetriever retriever = new CaseRetriever(embedder, store, cfg.rrfK(), cfg.fusionDepth());
    AnalysisRepository analyses = AnalysisStores.open(cfg, env);
    AnalysisService service = new AnalysisService(retriever, report, question, analyses, metrics,
        notifier, cfg.retrievalMode(), cfg.lowScoreThreshold(), new AnalysisService.Retention(
            Clock.systemUTC(), cfg.retentionDays(), cfg.limits().analysesPerKey()));
    VectorStore s = store;
    Readiness readiness = new Readiness(() -> s.count() >= 0);
    // with PostgreSQL the per-key request limit is counted there, one budget for all replicas
    ServingServer server = new ServingServer(cfg, service, metrics, readiness, auth,
        analyses.requestLimiter(cfg.limits().requestsPerMinute(), Clock.systemUTC()));
    // retention: every replica purges hourly; the delete is idempotent, so overlap is harmless
    ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "analyses-retention");
      t.setDaemon(true);
      return t;
    });
    purger.scheduleWithFixedDelay(() -> {
      try {
        service.purgeExpired();
      } catch (RuntimeException e) {
        EventLog.warn("analyses_purge_failed").code("error", e.getClass().getSimpleName()).log();
      }
    }, 1, 60, TimeUnit.MINUTES);
    return new ServingComponents(store, notifier, server, readiness, analyses, purger, embedder);
  }

  static Generator generator(String kind, Settings s, Map<String, String> env) {
    ReportPrompts prompts = new ReportPrompts(s.getInt("serving.prompt_case_chars", 100, 100_000));
    switch (kind) {
      case "sagemaker": {
        String override = s.getOptional("serving.sagemaker.endpoint_override");
        return new LanguageModelGenerator(new SageMakerTgiClient(new SageMakerTgiClient.Options(
            s.getOptional("serving.sagemaker.endpoint"), s.get("serving.sagemaker.region"),
            override == null ? null : URI.create(override),
            s.getInt("serving.sagemaker.max_tokens", 1, 32_000),
            s.getDouble("serving.sagemaker.temperature", 0, 2),
            Duration.ofSeconds(s.getInt("serving.sagemaker.timeout_seconds", 1, 900)),
            s.getInt("serving.sagemaker.max_attempts", 1, 10),
            s.getInt("serving.sagemaker.backoff_base_ms", 0, 60_000),
            PromptFormat.parse("serving.sagemaker.prompt_format", s.get("serving.sagemaker.prompt_format")))),
            prompts);
      }
      case "openai": {
        String pp = s.getOptional("serving.openai.price_prompt_per_1k_usd");
        String pc = s.getOptional("serving.openai.price_completion_per_1k_usd");
        return new LanguageModelGenerator(new OpenAiChatClient(new OpenAiChatClient.Options(
            s.get("serving.openai.base_url"), s.get("serving.openai.model"), env.get("OPENAI_API_KEY"),
            s.getInt("serving.openai.max_tokens", 1, 32_000),
            s.getDouble("serving.openai.temperature", 0, 2),
            Duration.ofSeconds(s.getInt("serving.openai.timeout_seconds", 1, 900)),
            s.getInt("serving.openai.max_attempts", 1, 10),
            s.getInt("serving.openai.backoff_base_ms", 0, 60_000),
            pp == null ? null : s.getDouble("serving.openai.price_prompt_per_1k_usd"),
            pc == null ? null : s.getDouble("serving.openai.price_completion_per_1k_usd"))),
            prompts);
      }
      default:
        return new ExtractiveGenerator();
    }
  }

  /** The embedder queries use: the one the index's vectors were made with. */
  public TextEmbedder embedder() {
    return embedder;
  }

  public ServingServer server() {
    return server;
  }

  public Readiness readiness() {
    return readiness;
  }

  @Override
  public void close() {
    purger.shutdownNow();
    server.close();
    notifier.close();
    store.close();
    analyses.close();
  }
}
