package org.patientinsight.serving.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IntervalRateLimiterTest {
  @Test
  void oneEventPerIntervalAndCountsTheRest() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    IntervalRateLimiter l = new IntervalRateLimiter(1000, now::get);
    assertTrue(l.tryAcquire());
    assertFalse(l.tryAcquire());
    now.addAndGet(999_000_000L);
    assertFalse(l.tryAcquire());
    assertEquals(2, l.drainSuppressed());
    now.addAndGet(1_000_000L);
    assertTrue(l.tryAcquire());
    assertEquals(0, l.drainSuppressed());
  }
}
