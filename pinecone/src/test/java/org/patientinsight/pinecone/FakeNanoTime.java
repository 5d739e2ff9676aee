package org.patientinsight.pinecone;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A nanosecond clock that only moves when a limiter on it sleeps (or a test advances it). */
final class FakeNanoTime {
  final AtomicLong now = new AtomicLong(1_000_000_000L);
  final List<Long> sleeps = new CopyOnWriteArrayList<>();

  UpsertRateLimiter limiter(double bytesPerSecond) {
    return new UpsertRateLimiter(bytesPerSecond, now::get, n -> {
      sleeps.add(n);
      now.addAndGet(n);
    });
  }

  long sleptNanos() {
    return sleeps.stream().mapToLong(Long::longValue).sum();
  }
}
