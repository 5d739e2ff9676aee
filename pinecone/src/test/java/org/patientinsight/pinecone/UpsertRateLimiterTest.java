package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpsertRateLimiterTest {

  @Test
  void aFullBucketLetsOneSecondThroughAtOnceThenPacesToTheRate() throws Exception {
    FakeNanoTime t = new FakeNanoTime();
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
    FakeNanoTime t = new FakeNanoTime();
    UpsertRateLimiter limiter = t.limiter(500_000); // bucket holds 0.5 MB, request is 1.8 MB
    assertEquals(2_600_000_000L, limiter.acquire(1_800_000));
  }

  @Test
  void idleTimeRefillsButNeverBeyondOneSecond() throws Exception {
    FakeNanoTime t = new FakeNanoTime();
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
    // 4 writers x 5 MB through one 10 MB/s bucket on a clock that stands still: the first 10 MB
    // is the burst, each later 1 MB must wait 0.1 s longer than the one before, so the last
    // waits a full second whatever the interleaving. Were the writers not sharing (or were an
    // update lost), none would ever wait or the waits would repeat.
    List<Long> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
    UpsertRateLimiter limiter = new UpsertRateLimiter(10_000_000, () -> 0L, waits::add);
    List<Thread> workers = new ArrayList<>();
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
    List<Long> expected = new ArrayList<>();
    for (int k = 1; k <= 10; k++) {
      expected.add(k * 100_000_000L);
    }
    assertEquals(expected, waits.stream().sorted().toList());
  }
}
