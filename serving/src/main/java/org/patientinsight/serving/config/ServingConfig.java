package org.patientinsight.serving.config;

import org.patientinsight.core.config.WarehouseLayout;
import java.nio.file.Path;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.vector.LocalStoreSettings;
import org.patientinsight.core.vector.StoreChoice;
import org.patientinsight.serving.retrieval.RetrievalMode;

/** The serving keys, read and validated once at start-up so bad values fail fast. */
public record ServingConfig(
    String bind,
    int port,
    String store,
    RetrievalMode retrievalMode,
    int rrfK,
    int fusionDepth,
    int topKDefault,
    double lowScoreThreshold,
    long lowScoreAlertIntervalSeconds,
    String generator,
    Path vectorIndexDir,
    Path analysesDir,
    String analysesStore,
    String analysesJdbcUrl,
    int analysesPoolSize,
    String analysesAuth,
    String analysesRdsRegion,
    int retentionDays,
    int maxBodyBytes,
    int maxSymptomsChars,
    int maxQuestionChars,
    Limits limits,
    String metricsToken,
    boolean hsts) {

  public static final int MAX_TOP_K = 20;
  public static final String ANALYSES_DIR_KEY = "serving.analyses_dir";

  /**
   * What one client, or all of them, may hold: API requests run at most {@code maxInFlight}
   * at once with {@code maxQueued} waiting (more get 503), on a Jetty pool with threads to
   * spare for health probes and the page.
   */
  public record Limits(int threads, int maxInFlight, int maxQueued, int queueWaitMs,
      int bodyReadTimeoutMs, int idleTimeoutMs,
      int requestsPerMinute, int analysesPerKey) {}

  public static ServingConfig from(Settings s) {
    String dir = s.getOptional(ANALYSES_DIR_KEY);
    if (dir != null && dir.startsWith("s3://")) {
      throw new ConfigException(ANALYSES_DIR_KEY, "analyses are no longer kept on S3 (a "
          + "plain PUT loses concurrent questions across replicas): set serving.analyses.store="
          + "postgres for replicas, or a directory for one process");
    }
    String analysesStore = s.getChoice("serving.analyses.store", "file", "postgres");
    String store = StoreChoice.configured(s);
    if (store.equals(StoreChoice.NONE)) {
      throw new ConfigException(StoreChoice.KEY, "configuration key '" + StoreChoice.KEY + "' is 'none': "
          + "there is no vector store to serve from (set it to local or pinecone, as the pipeline that synced it)");
    }
    RetrievalMode mode = RetrievalMode.parse(s.get("serving.retrieval_mode"));
    if (store.equals(StoreChoice.PINECONE) && mode != RetrievalMode.DENSE) {
      throw new ConfigException("serving.retrieval_mode", "serving.retrieval_mode must be dense "
          + "when vector.store=pinecone (BM25 runs only on the local index), got '"
          + s.get("serving.retrieval_mode") + "'");
    }
    Limits limits = new Limits(
        s.getInt("serving.threads", 4, 1024),
        s.getInt("serving.max_in_flight", 1, 512),
        s.getInt("serving.max_queued", 0, 10_000),
        s.getInt("serving.queue_wait_ms", 0, 60_000),
        s.getInt("serving.body_read_timeout_ms", 100, 600_000),
        s.getInt("serving.idle_timeout_ms", 100, 600_000),
        s.getInt("serving.rate_limit.requests_per_minute", 1, 1_000_000),
        s.getInt("serving.rate_limit.analyses_per_key", 1, 100_000_000));
    // queued and in-flight API requests each hold a Jetty thread; keep some for /health
    int spare = limits.threads() - limits.maxInFlight() - limits.maxQueued();
    if (spare < 8) {
      throw new ConfigException("serving.threads", "serving.threads (" + limits.threads()
          + ") must exceed serving.max_in_flight + serving.max_queued (" + (limits.threads() - spare)
          + ") by at least 8, so health probes always find a thread");
    }
    return new ServingConfig(
        s.get("serving.bind"),
        s.getInt("serving.port", 0, 65535),
        store,
        mode,
        s.getInt("serving.rrf_k", 1, 10_000),
        s.getInt("serving.fusion_depth", 1, 1000),
        s.getInt("serving.top_k_default", 1, MAX_TOP_K),
        s.getDouble("serving.low_score_threshold", -1.0, 1.0),
        s.getInt("serving.low_score_alert_interval_seconds", 0, 86_400),
        s.getChoice("serving.generator", "extractive", "sagemaker", "openai"),
        // the directory sync wrote: vector.local.dir, else <warehouse>/vector_index
        store.equals(StoreChoice.LOCAL) ? LocalStoreSettings.from(s).dir() : null,
        analysesStore.equals("file") ? analysesDir(dir, WarehouseLayout.from(s)) : null,
        analysesStore,
        s.getOptional("serving.analyses.jdbc_url"),
        s.getInt("serving.analyses.pool_size", 1, 200),
        s.getChoice("serving.analyses.auth", "password", "rds_iam"),
        s.get("serving.analyses.rds_region"),
        s.getInt("serving.analyses.retention_days", 1, 36_500),
        s.getInt("serving.max_body_bytes", 1024, 10 * 1024 * 1024),
        s.getInt("serving.max_symptoms_chars", 10, 1_000_000),
        s.getInt("serving.max_question_chars", 10, 100_000),
        limits,
        s.getOptional("serving.metrics_token"),
        s.getBoolean("serving.hsts"));
  }

  /** serving.analyses_dir, else {@code <warehouse>/analyses} when the warehouse is local. */
  private static Path analysesDir(String dir, WarehouseLayout warehouse) {
    return dir != null ? Path.of(dir) : warehouse.localDefault(warehouse.analyses(), ANALYSES_DIR_KEY);
  }
}
