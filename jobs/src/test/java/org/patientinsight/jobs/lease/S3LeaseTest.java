package org.patientinsight.jobs.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.WarehouseLayout;
import org.patientinsight.jobs.testing.LocalS3;

/**
 * The lease on a real S3-compatible server (S3Proxy on 127.0.0.1): the create is a conditional
 * PUT, and the server — not our code — decides which of two racing creators wins.
 */
class S3LeaseTest {
  private static final Duration TTL = Duration.ofSeconds(120);
  private static LocalS3 s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LocalS3();
    s3.createBucket("lake");
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  /** The Hadoop settings a run would have from its --conf spark.hadoop.fs.s3a.* options. */
  private static Configuration hadoop() {
    Configuration c = new Configuration(false);
    s3.sparkConf(LocalS3.SECRET_KEY).forEach((k, v) -> c.set(k.substring("spark.hadoop.".length()), v));
    return c;
  }

  @Test
  void theServerRefusesASecondCreateOfTheSameGeneration() throws Exception {
    LeaseStore store = LeaseStores.open(WarehouseLayout.of("s3a://lake/refuse/wh"), hadoop());
    assertTrue(store.create(1, "{\"first\":true}".getBytes()));
    assertFalse(store.create(1, "{\"second\":true}".getBytes()), "If-None-Match: * on an existing key");
    assertEquals("{\"first\":true}", new String(store.read(1).orElseThrow()), "the first content stays");
    assertEquals(List.of(1L), store.generations());
    assertEquals("s3a://lake/refuse/wh/_lease", store.location());
  }

  @Test
  void twoRacingAcquirersOnS3ExactlyOneWinsAndTheOtherSeesIt() throws Exception {
    for (int round = 0; round < 5; round++) {
      WarehouseLayout layout = WarehouseLayout.of("s3a://lake/race-" + round + "/warehouse");
      FakeLeaseClock clock = new FakeLeaseClock(Instant.parse("2026-12-03T08:00:00Z"));
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Acquisition>> answers = new ArrayList<>();
        for (String run : List.of("run-a", "run-b")) {
          WarehouseLease lease = new WarehouseLease(LeaseStores.open(layout, hadoop()),
              LeaseHolder.thisProcess(run, clock.now()), TTL, clock);
          answers.add(pool.submit(() -> {
            go.await();
            return lease.tryAcquire();
          }));
        }
        go.countDown();
        Acquisition a = answers.get(0).get();
        Acquisition b = answers.get(1).get();
        assertTrue(a.acquired() ^ b.acquired(), "round " + round + ": exactly one wins");
        Acquisition winner = a.acquired() ? a : b;
        Acquisition loser = a.acquired() ? b : a;
        assertEquals(winner.record().holder().runId(), loser.record().holder().runId(),
            "the loser is told who holds it");
        assertEquals(winner.record().holder().runId(),
            WarehouseLease.inspect(layout, hadoop()).orElseThrow().holder().runId());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void heartbeatTakeOverAndReleaseWorkOnS3() throws Exception {
    WarehouseLayout layout = WarehouseLayout.of("s3a://lake/cycle/wh");
    FakeLeaseClock clock = new FakeLeaseClock(Instant.parse("2026-12-03T08:00:00Z"));
    WarehouseLease a = new WarehouseLease(LeaseStores.open(layout, hadoop()), LeaseHolder.thisProcess("a", clock.now()),
        TTL, clock);
    WarehouseLease b = new WarehouseLease(LeaseStores.open(layout, hadoop()), LeaseHolder.thisProcess("b", clock.now()),
        TTL, clock);
    assertTrue(a.tryAcquire().acquired());
    clock.advance(Duration.ofSeconds(60));
    assertEquals(2, a.renew().generation());
    clock.advance(Duration.ofSeconds(100));
    assertFalse(b.tryAcquire().acquired(), "renewed at 60 s: held until 180 s");
    clock.advance(Duration.ofSeconds(30));
    Acquisition taken = b.tryAcquire();
    assertTrue(taken.acquired());
    assertEquals("a", taken.tookOverFrom().runId());
    assertEquals(3, taken.record().generation());
    b.release();
    LeaseRecord last = WarehouseLease.inspect(layout, hadoop()).orElseThrow();
    assertTrue(last.released());
    assertEquals(4, last.generation());
  }
}
