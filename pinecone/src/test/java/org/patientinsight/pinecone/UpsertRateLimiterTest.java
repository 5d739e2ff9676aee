package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UpsertRateLimiterTest {

  /** A clock that only moves when the limiter sleeps. */
  private static final class FakeTime {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final List<Long> sleeps = new ArrayList<>();

    UpsertRateLimiter limiter(double bytesPerSecond) {
      return new UpsertRateLimiter(bytesPerSecond, now::get, n -> {
        sleeps.add(n);
        now.addAndGet(n);
      });
    }
  }

  @Test
  void aFullBucketLetsOneSecondThroughAtOnceThenPacesToTheRate() throws Exception {
    FakeTime t = new FakeTime();
    UpsertRateLimiter limiter = t.limiter(1_000_000); // 1 MB/s
    assertEquals(0, limiter.acquire(600_000));
    assertEquals(0, limiter.acquire(400_000));
    // bucket empty: the next 500 KB waits half a second
    assertEquals(500_000_000L, limiter.acquire(500_000));
    // 10 MB more takes 10 s of (fake) time: the long-run rate is exact
    long before = t.now.get();
    for (int i = 0; i < 10; i++) {
      limiter.acquire(1_000_000);
    }
    assertEquals(10_000_000_000L, t.now.get() - before, 1_000);
  }

  @Test
  void aRequestLargerThanTheBucketRunsItIntoDebtInsteadOfBlockingForever() throws Exception {
    FakeTime t = new FakeTime();
    UpsertRateLimiter limiter = t.limiter(500_000); // bucket holds 0.5 MB, request is 1.8 MB
    assertEquals(2_600_000_000L, limiter.acquire(1_800_000));
  }

  @Test
  void idleTimeRefillsButNeverBeyondOneSecond() throws Exception {
    FakeTime t = new FakeTime();
    UpsertRateLimiter limiter = t.limiter(1_000_000);
    limiter.acquire(1_000_000);
    t.now.addAndGet(60_000_000_000L); // a minute idle
    assertEquals(0, limiter.acquire(1_000_000));
    assertEquals(1_000_000_000L, limiter.acquire(1_000_000));
  }

  @Test
  void writersInOneJvmShareOneBucketPerTarget() {
    UpsertRateLimiter a = UpsertRateLimiter.shared("host-a/ns", 2e6);
    assertSame(a, UpsertRateLimiter.shared("host-a/ns", 2e6));
    assertTrue(a != UpsertRateLimiter.shared("host-b/ns", 2e6));
  }

  @Test
  void concurrentWritersTogetherKeepToTheRate() throws Exception {
    // 4 writers x 5 MB through one 10 MB/s bucket: the first 10 MB is the burst, the other
    // 10 MB must take about a second. Were the writers not sharing, none would ever wait.
    UpsertRateLimiter limiter = new UpsertRateLimiter(10_000_000, System::nanoTime,
        n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    List<Thread> workers = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      Thread w = new Thread(() -> {
        try {
          for (int j = 0; j < 5; j++) {
            limiter.acquire(1_000_000);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(seconds >= 0.95 && seconds < 3, "took " + seconds + " s");
  }
}
