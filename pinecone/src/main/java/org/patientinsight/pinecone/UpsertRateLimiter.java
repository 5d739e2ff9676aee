package org.patientinsight.pinecone;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket in bytes: every writer thread in this JVM that upserts to the same namespace
 * draws from one bucket, so N Spark tasks on an executor share that executor's slice of the
 * cluster's budget instead of each taking all of it (Pinecone throttles a namespace at 50 MB/s).
 * A request larger than what is in the bucket is allowed to run the bucket negative; the
 * callers after it then wait for the debt to be repaid, so the long-run rate holds exactly.
 */
final class UpsertRateLimiter {

  private static final Map<String, UpsertRateLimiter> SHARED = new ConcurrentHashMap<>();

  private final double bytesPerSecond;
  private final double capacity;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private double tokens;
  private long lastRefillNanos;

  /** Sleeps for a number of nanoseconds; replaced by tests. */
  interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;
  }

  UpsertRateLimiter(double bytesPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
    if (!(bytesPerSecond > 0)) {
      throw new IllegalArgumentException("upsert rate must be positive, got " + bytesPerSecond);
    }
    this.bytesPerSecond = bytesPerSecond;
    this.capacity = bytesPerSecond; // at most one second of burst
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
    this.tokens = capacity;
    this.lastRefillNanos = nanoClock.getAsLong();
  }

  /** The one bucket of this JVM for a (host, namespace, rate) target. */
  static UpsertRateLimiter shared(String target, double bytesPerSecond) {
    return SHARED.computeIfAbsent(target + "|" + bytesPerSecond,
        k -> new UpsertRateLimiter(bytesPerSecond, System::nanoTime, UpsertRateLimiter::sleep));
  }

  double bytesPerSecond() {
    return bytesPerSecond;
  }

  /** Blocks until {@code bytes} may be sent; returns how long it waited, nanoseconds. */
  long acquire(long bytes) throws InterruptedException {
    long waitNanos;
    synchronized (this) {
      refill();
      double deficit = bytes - tokens;
      tokens -= bytes;
      waitNanos = deficit <= 0 ? 0 : (long) Math.ceil(deficit / bytesPerSecond * 1e9);
    }
    if (waitNanos > 0) {
      sleeper.sleepNanos(waitNanos);
    }
    return waitNanos;
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    long elapsed = now - lastRefillNanos;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed / 1e9 * bytesPerSecond);
      lastRefillNanos = now;
    }
  }

  private static void sleep(long nanos) throws InterruptedException {
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }
}
