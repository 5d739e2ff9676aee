package org.patientinsight.serving.config;

import java.nio.file.Path;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;
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
    Path warehouse,
    Path analysesDir,
    String analysesS3,
    int maxBodyBytes,
    int maxSymptomsChars,
    int maxQuestionChars,
    int threads) {

  public static final int MAX_TOP_K = 20;

  public static ServingConfig from(Settings s) {
    Path warehouse = Path.of(s.get("warehouse"));
    String dir = s.getOptional("serving.analyses_dir");
    String store = s.getChoice("serving.store", "local", "pinecone");
    RetrievalMode mode = RetrievalMode.parse(s.get("serving.retrieval_mode"));
    if (store.equals("pinecone") && mode != RetrievalMode.DENSE) {
      throw new ConfigException("serving.retrieval_mode", "serving.retrieval_mode must be dense "
          + "when serving.store=pinecone (BM25 runs only on the local index), got '"
          + s.get("serving.retrieval_mode") + "'");
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
        warehouse,
        dir == null || dir.startsWith("s3://") ? warehouse.resolve("analyses") : Path.of(dir),
        dir != null && dir.startsWith("s3://") ? dir : null,
        s.getInt("serving.max_body_bytes", 1024, 10 * 1024 * 1024),
        s.getInt("serving.max_symptoms_chars", 10, 1_000_000),
        s.getInt("serving.max_question_chars", 10, 100_000),
        s.getInt("serving.threads", 2, 512));
  }

  /** Where analyses are kept: the directory, or the raw s3://bucket/prefix value. */
  public String analysesLocation() {
    return analysesS3 != null ? analysesS3 : analysesDir.toString();
  }

  /** The local index the batch job writes. */
  public Path vectorIndexDir() {
    return warehouse.resolve("vector_index");
  }
}
