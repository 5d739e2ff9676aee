package org.patientinsight.serving.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per minute per API key, as a token bucket (a burst of up to a minute's allowance,
 * refilled continuously), counted in this process: right for one replica (the file store).
 * Replicas sharing PostgreSQL count in {@link PostgresRequestLimiter} instead, so N replicas
 * do not give a key N times the limit. Keys are the configured ones, so the map stays small.
 */
public final class KeyRateLimiter implements RequestRateLimiter {
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final int perMinute;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** @param nanoTime the clock (System::nanoTime; tests inject their own) */
  public KeyRateLimiter(int perMinute, LongSupplier nanoTime) {
    this.perMinute = perMinute;
    this.nanoTime = nanoTime;
  }

  @Override
  public long secondsUntilAllowed(String keyId) {
    Bucket b = buckets.computeIfAbsent(keyId, k -> new Bucket(perMinute, nanoTime.getAsLong()));
    synchronized (b) {
      long now = nanoTime.getAsLong();
      double refill = (now - b.at) / (double) MINUTE_NANOS * perMinute;
      b.tokens = Math.min(perMinute, b.tokens + refill);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      double nanosToOne = (1 - b.tokens) / perMinute * MINUTE_NANOS;
      return Math.max(1, (long) Math.ceil(nanosToOne / 1e9));
    }
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
