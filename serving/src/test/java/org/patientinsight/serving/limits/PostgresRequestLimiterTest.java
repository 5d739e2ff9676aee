package org.patientinsight.serving.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.analysis.AnalysisRepository;
import org.patientinsight.serving.analysis.LocalPostgres;
import org.patientinsight.serving.analysis.PostgresAnalysisRepository;

/**
 * Two replicas (two stores, two connection pools) on one real PostgreSQL share one request
 * budget per key; time comes from an injected clock.
 */
class PostgresRequestLimiterTest {
  private static final int LIMIT = 10;
  // 10 s into an epoch minute
  private static final Instant START = Instant.ofEpochMilli(29_000_000L * 60_000L + 10_000L);
  private static LocalPostgres pg;
  private AnalysisRepository replicaA;
  private AnalysisRepository replicaB;
  private ManualClock clock;

  @BeforeAll
  static void startServer() {
    pg = LocalPostgres.start();
  }

  @AfterAll
  static void stopServer() {
    pg.close();
  }

  @BeforeEach
  void twoReplicas() {
    String url = pg.createDatabase();
    replicaA = PostgresAnalysisRepository.open(url, pg.user(), pg.password(), 4);
    replicaB = PostgresAnalysisRepository.open(url, pg.user(), pg.password(), 4);
    clock = new ManualClock(START);
  }

  @Test
  void twoReplicasShareOneBudgetAndRefusedRequestsAreNotCounted() {
    RequestRateLimiter a = replicaA.requestLimiter(LIMIT, clock);
    RequestRateLimiter b = replicaB.requestLimiter(LIMIT, clock);
    int allowed = 0;
    for (int i = 0; i < 8; i++) {
      allowed += a.secondsUntilAllowed("k1") == 0 ? 1 : 0;
      allowed += b.secondsUntilAllowed("k1") == 0 ? 1 : 0;
    }
    assertEquals(LIMIT, allowed, "16 requests over two replicas, limit 10: 10 go ahead");
    // the window is full: room when it ends, 50 s later (10 s in)
    assertEquals(50, b.secondsUntilAllowed("k1"));
    assertEquals(0, a.secondsUntilAllowed("k2"), "another key has its own budget");

    // 51 s later (1 s into the next minute) the previous 10 still weigh 10 * 59/60 = 9.83 → 9
    clock.advance(Duration.ofSeconds(51));
    assertEquals(0, a.secondsUntilAllowed("k1"));
    long wait = b.secondsUntilAllowed("k1");
    // 10 * (1 - t/60) + 2 <= 10 at t = 12 s into the minute: 11 s from here
    assertEquals(11, wait);
    clock.advance(Duration.ofSeconds(wait));
    assertEquals(0, b.secondsUntilAllowed("k1"), "after its Retry-After the client gets in");
  }

  @Test
  void concurrentRequestsFromBothReplicasNeverOvershoot() throws Exception {
    RequestRateLimiter a = replicaA.requestLimiter(LIMIT, clock);
    RequestRateLimiter b = replicaB.requestLimiter(LIMIT, clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Long>> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      RequestRateLimiter replica = i % 2 == 0 ? a : b;
      answers.add(pool.submit(() -> replica.secondsUntilAllowed("k1")));
    }
    int allowed = 0;
    for (Future<Long> f : answers) {
      long w = f.get();
      assertTrue(w >= 0);
      allowed += w == 0 ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(LIMIT, allowed, "40 concurrent requests from two replicas: exactly the limit go ahead");
  }

  @Test
  void theFileStoreCountsInItsOwnProcess() throws Exception {
    AnalysisRepository file = new org.patientinsight.serving.analysis.FileAnalysisRepository(
        java.nio.file.Files.createTempDirectory("analyses"));
    RequestRateLimiter one = file.requestLimiter(LIMIT, clock);
    int allowed = 0;
    for (int i = 0; i < 12; i++) {
      allowed += one.secondsUntilAllowed("k1") == 0 ? 1 : 0;
    }
    assertEquals(LIMIT, allowed);
    assertTrue(one instanceof KeyRateLimiter);
  }

  static final class ManualClock extends Clock {
    private volatile Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
