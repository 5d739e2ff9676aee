package org.patientinsight.serving.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per minute per API key, as a token bucket (a burst of up to a minute's allowance,
 * refilled continuously). Per process: with N replicas behind the balancer a key gets up to
 * N times the limit. Keys are the configured ones, so the map stays small.
 */
public final class KeyRateLimiter {
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final int perMinute;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** @param nanoTime the clock (System::nanoTime; tests inject their own) */
  public KeyRateLimiter(int perMinute, LongSupplier nanoTime) {
    this.perMinute = perMinute;
    this.nanoTime = nanoTime;
  }

  /** 0 when the request may go ahead; otherwise the whole seconds to wait (for Retry-After). */
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
