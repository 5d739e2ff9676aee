package org.patientinsight.serving.alert;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Lets one event through per interval and counts the ones it holds back. Thread-safe. */
public final class IntervalRateLimiter {
  private final long intervalNanos;
  private final LongSupplier clock;
  private final AtomicLong nextAllowed;
  private final AtomicLong suppressed = new AtomicLong();

  public IntervalRateLimiter(long intervalMillis, LongSupplier nanoClock) {
    this.intervalNanos = intervalMillis * 1_000_000L;
    this.clock = nanoClock;
    this.nextAllowed = new AtomicLong(nanoClock.getAsLong());
  }

  /** True when this event may go out; false (and counted) when it is held back. */
  public boolean tryAcquire() {
    long now = clock.getAsLong();
    long next = nextAllowed.get();
    if (now - next >= 0 && nextAllowed.compareAndSet(next, now + intervalNanos)) {
      return true;
    }
    suppressed.incrementAndGet();
    return false;
  }

  /** Events held back since the last call; resets the count. */
  public long drainSuppressed() {
    return suppressed.getAndSet(0);
  }
}
