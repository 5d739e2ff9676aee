package org.patientinsight.serving.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.patientinsight.serving.api.ApiError;

/**
 * The bounded queue in front of API work: at most {@code maxInFlight} requests run, at most
 * {@code maxQueued} wait (each up to {@code maxWaitMs}); any more are refused at once with
 * 503 + Retry-After instead of piling up on the server's threads. Health probes and the page
 * never pass through here, so they keep answering while the API is saturated.
 */
final class AdmissionGate {
  private final Semaphore running;
  private final int maxQueued;
  private final long maxWaitMs;
  private final AtomicInteger waiting = new AtomicInteger();

  AdmissionGate(int maxInFlight, int maxQueued, long maxWaitMs) {
    this.running = new Semaphore(maxInFlight, true);
    this.maxQueued = maxQueued;
    this.maxWaitMs = maxWaitMs;
  }

  /** Returns once admitted (call {@link #leave()} after); throws a 503 ApiError otherwise. */
  void enter() {
    if (running.tryAcquire()) {
      return;
    }
    if (waiting.incrementAndGet() > maxQueued) {
      waiting.decrementAndGet();
      throw busy();
    }
    try {
      if (!running.tryAcquire(maxWaitMs, TimeUnit.MILLISECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    } finally {
      waiting.decrementAndGet();
    }
  }

  void leave() {
    running.release();
  }

  int waiting() {
    return waiting.get();
  }

  private static ApiError busy() {
    return new ApiError(503, "overloaded", null, "the service is at capacity; retry shortly", 1);
  }
}
