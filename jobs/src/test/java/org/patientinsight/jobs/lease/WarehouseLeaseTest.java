package org.patientinsight.jobs.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.core.config.WarehouseLayout;

/** The lease rules on a real local lease folder, with a clock the test moves. */
class WarehouseLeaseTest {
  private static final Duration TTL = Duration.ofSeconds(120);
  private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

  @TempDir
  Path warehouse;

  private final FakeLeaseClock clock = new FakeLeaseClock(T0);

  private WarehouseLease lease(String runId) {
    WarehouseLayout layout = WarehouseLayout.of(warehouse.toString());
    return new WarehouseLease(LeaseStores.open(layout, new Configuration(false)),
        LeaseHolder.thisProcess(runId, clock.now()), TTL, clock);
  }

  @Test
  void aFreeWarehouseIsTakenAndASecondRunIsKeptOutUntilRelease() throws Exception {
    WarehouseLease a = lease("run-a");
    WarehouseLease b = lease("run-b");
    Acquisition first = a.tryAcquire();
    assertTrue(first.acquired());
    assertEquals(1, first.record().generation());
    assertEquals(T0.plus(TTL), first.record().expiresAt());
    assertTrue(Files.exists(warehouse.resolve("_lease/000000000001.json")));

    Acquisition second = b.tryAcquire();
    assertFalse(second.acquired());
    assertEquals("run-a", second.record().holder().runId(), "the busy answer names the holder");

    a.release();
    assertNull(a.mine());
    LeaseRecord released = WarehouseLease.inspect(WarehouseLayout.of(warehouse.toString()), new Configuration(false))
        .orElseThrow();
    assertTrue(released.released());
    assertEquals(2, released.generation());
    Acquisition after = b.tryAcquire();
    assertTrue(after.acquired());
    assertEquals(3, after.record().generation());
    assertNull(after.tookOverFrom(), "a released lease is not a take-over");
  }

  @Test
  void renewingMovesTheExpiryWithANewGenerationBySameHolder() throws Exception {
    WarehouseLease a = lease("run-a");
    a.tryAcquire();
    clock.advance(Duration.ofSeconds(30));
    LeaseRecord renewed = a.renew();
    assertEquals(2, renewed.generation());
    assertEquals(T0.plusSeconds(30).plus(TTL), renewed.expiresAt());
    assertEquals(T0.plusSeconds(30), renewed.heartbeatAt());
    // past the first generation's expiry the renewed lease still keeps others out
    clock.advance(Duration.ofSeconds(100));
    assertFalse(lease("run-b").tryAcquire().acquired());
    a.ensureHeld();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsOldHolderLearnsItLostIt() throws Exception {
    WarehouseLease a = lease("run-a");
    a.tryAcquire();
    clock.advance(TTL.minusSeconds(1));
    assertFalse(lease("run-b").tryAcquire().acquired(), "one second before expiry it is still held");
    clock.advance(Duration.ofSeconds(1));
    WarehouseLease b = lease("run-b");
    Acquisition taken = b.tryAcquire();
    assertTrue(taken.acquired());
    assertEquals("run-a", taken.tookOverFrom().runId());

    // a, woken from a long pause, can neither heartbeat nor pass a stage boundary
    LeaseLostException lost = assertThrows(LeaseLostException.class, a::renew);
    assertTrue(lost.getMessage().contains("run run-b"), lost.getMessage());
    assertEquals("run-b", lost.current().holder().runId());
    assertThrows(IllegalStateException.class, a::ensureHeld, "after losing it, a holds nothing");
    b.ensureHeld();
  }

  @Test
  void aHolderWhoseHeartbeatsStoppedFailsItsStageCheckEvenBeforeATakeOver() throws Exception {
    WarehouseLease a = lease("run-a");
    a.tryAcquire();
    clock.advance(TTL.plusSeconds(5));
    assertThrows(LeaseLostException.class, a::ensureHeld);
  }

  @Test
  void twoRunsRacingForTheSameGenerationNeverBothWin() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path dir = warehouse.resolve("race-" + round);
      WarehouseLayout layout = WarehouseLayout.of(dir.toString());
      int racers = 4;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(racers);
      try {
        List<Future<Acquisition>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
          WarehouseLease l = new WarehouseLease(LeaseStores.open(layout, new Configuration(false)),
              LeaseHolder.thisProcess("racer-" + i, T0), TTL, clock);
          Callable<Acquisition> race = () -> {
            start.await();
            return l.tryAcquire();
          };
          answers.add(pool.submit(race));
        }
        start.countDown();
        List<String> winners = new ArrayList<>();
        for (Future<Acquisition> f : answers) {
          Acquisition a = f.get();
          if (a.acquired()) {
            winners.add(a.record().holder().runId());
          }
        }
        assertEquals(1, winners.size(), "round " + round + ": winners " + winners);
        LeaseRecord now = WarehouseLease.inspect(layout, new Configuration(false)).orElseThrow();
        assertEquals(winners.get(0), now.holder().runId(), "the file names the one winner");
        try (Stream<Path> files = Files.list(dir.resolve("_lease"))) {
          assertEquals(List.of("000000000001.json"), files.map(p -> p.getFileName().toString()).toList(),
              "one generation, no temp files left");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void oldGenerationsArePrunedAndTheNewestKept() throws Exception {
    WarehouseLease a = lease("run-a");
    a.tryAcquire();
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofSeconds(30));
      a.renew();
    }
    LeaseStore store = LeaseStores.open(WarehouseLayout.of(warehouse.toString()), new Configuration(false));
    List<Long> left = store.generations();
    assertEquals(31L, left.get(left.size() - 1));
    assertEquals(WarehouseLease.KEEP + 1, left.size());
  }

  @Test
  void aWarehouseWithoutAnAtomicCreateIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LeaseStores.open(WarehouseLayout.of("hdfs://nn/warehouse"), new Configuration(false)));
    assertTrue(e.getMessage().contains("'hdfs:'"), e.getMessage());
  }

  @Test
  void noLeaseYetInspectsAsEmpty() throws Exception {
    assertTrue(WarehouseLease.inspect(WarehouseLayout.of(warehouse.toString()), new Configuration(false)).isEmpty());
  }
}
