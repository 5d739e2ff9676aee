package org.patientinsight.pinecone;

import java.util.Map;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

/**
 * Everything the Pinecone store needs, as plain values. The API key comes only from the
 * environment ({@value #API_KEY_ENV}); {@link #toString()} never shows it.
 *
 * @param host data-plane host ("name-xyz.svc.region.pinecone.io" or "127.0.0.1:port"), or null
 * @param indexName index name, resolved to its host by one control-plane call when host is null
 * @param controlHost control-plane base URL for that call; null means Pinecone's own
 * @param upsertMbPerSecond upsert budget of the whole cluster; each writer JVM gets 1/writers
 * @param writers JVMs (Spark executors) that upsert at the same time
 */
public record PineconeSettings(
    String apiKey,
    String host,
    String indexName,
    String controlHost,
    String namespace,
    boolean tls,
    int batchMaxVectors,
    int batchMaxBytes,
    double upsertMbPerSecond,
    int writers,
    long deadlineMillis,
    int maxAttempts,
    long baseBackoffMillis,
    long maxBackoffMillis) {

  public static final String API_KEY_ENV = "PINECONE_API_KEY";
  /** Pinecone refuses more vectors than this in one upsert. */
  public static final int MAX_VECTORS_PER_UPSERT = 1000;
  /** Pinecone refuses upsert requests larger than 2 MB; we stay at or under this. */
  public static final int MAX_REQUEST_BYTES = 2_000_000;
  /** Pinecone's documented per-namespace upsert limit. */
  public static final double MAX_MB_PER_SECOND = 50.0;

  public PineconeSettings {
    if (apiKey == null || apiKey.isBlank()) {
      throw new ConfigException(API_KEY_ENV, "environment variable " + API_KEY_ENV
          + " must hold the Pinecone API key");
    }
    host = blankToNull(host);
    indexName = blankToNull(indexName);
    controlHost = blankToNull(controlHost);
    if (host == null && indexName == null) {
      throw new ConfigException("pinecone.host",
          "set pinecone.host (or pinecone.index) to use the Pinecone store");
    }
    namespace = namespace == null ? "" : namespace.trim();
    requireRange("pinecone.batch.max_vectors", batchMaxVectors, 1, MAX_VECTORS_PER_UPSERT);
    requireRange("pinecone.batch.max_bytes", batchMaxBytes, 64 * 1024, MAX_REQUEST_BYTES);
    if (!(upsertMbPerSecond > 0 && upsertMbPerSecond <= MAX_MB_PER_SECOND)) {
      throw new ConfigException("pinecone.upsert_mb_per_s", "configuration key "
          + "'pinecone.upsert_mb_per_s' must be a number in (0, " + MAX_MB_PER_SECOND + "], got '"
          + upsertMbPerSecond + "'");
    }
    requireRange("pinecone.writers", writers, 1, 100_000);
    requireRange("pinecone.deadline_ms", deadlineMillis, 1, 3_600_000);
    requireRange("pinecone.retry.max_attempts", maxAttempts, 1, 100);
    requireRange("pinecone.retry.base_backoff_ms", baseBackoffMillis, 0, 600_000);
    requireRange("pinecone.retry.max_backoff_ms", maxBackoffMillis, baseBackoffMillis, 600_000);
  }

  /** Reads the {@code pinecone.*} keys and the API key from {@code env}. */
  public static PineconeSettings fromSettings(Settings settings, Map<String, String> env) {
    return new PineconeSettings(
        env.get(API_KEY_ENV),
        settings.getOptional("pinecone.host"),
        settings.getOptional("pinecone.index"),
        settings.getOptional("pinecone.control_host"),
        settings.get("pinecone.namespace"),
        settings.getBoolean("pinecone.tls"),
        settings.getInt("pinecone.batch.max_vectors"),
        settings.getInt("pinecone.batch.max_bytes"),
        settings.getDouble("pinecone.upsert_mb_per_s"),
        settings.getInt("pinecone.writers"),
        settings.getLong("pinecone.deadline_ms"),
        settings.getInt("pinecone.retry.max_attempts"),
        settings.getLong("pinecone.retry.base_backoff_ms"),
        settings.getLong("pinecone.retry.max_backoff_ms"));
  }

  /** This JVM's share of the cluster-wide upsert budget, bytes per second. */
  public double perWriterBytesPerSecond() {
    return upsertMbPerSecond * 1_000_000.0 / writers;
  }

  @Override
  public String toString() {
    return "PineconeSettings[host=" + host + ", index=" + indexName + ", namespace=" + namespace
        + ", tls=" + tls + ", batchMaxVectors=" + batchMaxVectors + ", batchMaxBytes="
        + batchMaxBytes + ", upsertMbPerSecond=" + upsertMbPerSecond + ", writers=" + writers
        + ", deadlineMillis=" + deadlineMillis + ", maxAttempts=" + maxAttempts
        + ", backoffMillis=" + baseBackoffMillis + ".." + maxBackoffMillis + ", apiKey=***]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static void requireRange(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ConfigException(key, "configuration key '" + key + "' must be an integer in ["
          + min + ", " + max + "], got '" + value + "'");
    }
  }
}
