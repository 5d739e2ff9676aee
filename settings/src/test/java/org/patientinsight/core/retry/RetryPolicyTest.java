package org.patientinsight.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  /** Records the waits instead of waiting. */
  private final List<Duration> slept = new ArrayList<>();

  private RetryPolicy policy(int attempts, long baseMs, long capMs) {
    return RetryPolicy.exponential(attempts, Duration.ofMillis(baseMs), Duration.ofMillis(capMs))
        .withSleeper(slept::add)
        .retryingOn(e -> e instanceof IOException);
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void withoutJitterTheDelayDoublesUpToTheCap() {
    RetryPolicy p = policy(10, 100, 1_000).withJitter(RetryPolicy.Jitter.NONE);
    List<Long> delays = new ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      delays.add(p.delay(n, null).toMillis());
    }
    assertEquals(List.of(100L, 200L, 400L, 800L, 1_000L, 1_000L), delays);
  }

  @Test
  void fullJitterSpansZeroToTheExponentialDelay() {
    RetryPolicy low = policy(10, 100, 1_000).withRandom(() -> 0.0);
    RetryPolicy high = policy(10, 100, 1_000).withRandom(() -> 0.999_999);
    assertEquals(0, low.delay(3, null).toMillis());
    assertEquals(399, high.delay(3, null).toMillis());
    assertEquals(999, high.delay(30, null).toMillis(), "capped");
  }

  @Test
  void equalJitterSpansHalfToAllOfTheExponentialDelay() {
    RetryPolicy p = policy(10, 100, 20_000).withJitter(RetryPolicy.Jitter.EQUAL);
    assertEquals(200, p.withRandom(() -> 0.0).delay(3, null).toMillis());
    assertEquals(400, p.withRandom(() -> 0.999_999).delay(3, null).toMillis());
  }

  @Test
  void aLongerServerRequestWinsButNeverPastTheCap() {
    RetryPolicy p = policy(10, 100, 5_000).withJitter(RetryPolicy.Jitter.NONE);
    assertEquals(3_000, p.delay(1, Duration.ofSeconds(3)).toMillis());
    assertEquals(5_000, p.delay(1, Duration.ofSeconds(60)).toMillis());
    assertEquals(400, p.delay(3, Duration.ofMillis(10)).toMillis(), "a shorter ask is ignored");
  }

  @Test
  void retriesWhatThePredicateAllowsAndSleepsBetweenAttempts() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Integer> told = new ArrayList<>();
    String v = policy(5, 100, 1_000).withJitter(RetryPolicy.Jitter.NONE)
        .onRetry((n, e, d) -> told.add(n))
        .run(n -> {
          calls.incrementAndGet();
          if (n < 3) {
            throw new IOException("transient " + n);
          }
          return "ok after " + n;
        });
    assertEquals("ok after 3", v);
    assertEquals(3, calls.get());
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), slept);
    assertEquals(List.of(1, 2), told);
  }

  @Test
  void aFailureThePredicateRefusesIsThrownAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException thrown = new IllegalStateException("permanent");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> policy(5, 1, 1).run(n -> {
          calls.incrementAndGet();
          throw thrown;
        }));
    assertSame(thrown, e);
    assertEquals(1, calls.get());
    assertTrue(slept.isEmpty());
  }

  @Test
  void theLastFailureIsThrownUnchangedWhenAttemptsRunOut() {
    AtomicInteger calls = new AtomicInteger();
    IOException e = assertThrows(IOException.class, () -> policy(3, 1, 1).run(n -> {
      calls.incrementAndGet();
      throw new IOException("attempt " + n);
    }));
    assertEquals("attempt 3", e.getMessage());
    assertEquals(3, calls.get());
    assertEquals(2, slept.size(), "no wait after the last attempt");
  }

  @Test
  void aRetryableFailureIsRetriedFromWhateverAttemptItComes() throws Exception {
    // a permanent failure after transient ones still stops the loop at once
    AtomicInteger calls = new AtomicInteger();
    assertThrows(IllegalArgumentException.class, () -> policy(5, 1, 1).run(n -> {
      calls.incrementAndGet();
      if (n == 1) {
        throw new IOException("transient");
      }
      throw new IllegalArgumentException("permanent");
    }));
    assertEquals(2, calls.get());
  }

  @Test
  void interruptedWhileWaitingStopsAndKeepsTheInterruptFlag() {
    RetryPolicy p = policy(5, 1, 1).withSleeper(d -> {
      throw new InterruptedException();
    });
    IOException transientFailure = new IOException("transient");
    RetryPolicy.Interrupted e = assertThrows(RetryPolicy.Interrupted.class, () -> p.run(n -> {
      throw transientFailure;
    }));
    assertEquals(1, e.attempts());
    assertSame(transientFailure, e.lastFailure());
    assertTrue(Thread.currentThread().isInterrupted());
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.exponential(0, Duration.ofMillis(1), Duration.ofMillis(1)));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.exponential(3, Duration.ofMillis(10), Duration.ofMillis(1)));
  }
}
