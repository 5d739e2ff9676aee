package org.patientinsight.jobs.lease;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.patientinsight.core.config.WarehouseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer at a time on a warehouse. The lease is a sequence of create-only generations;
 * the newest says who holds it and until when. Every change — acquire, heartbeat, take-over
 * of an expired holder, release — is "create generation n+1", and the store lets exactly one
 * creator of n+1 win, so two runs can never both believe they hold it (no check-then-write).
 */
public final class WarehouseLease {
  private static final Logger LOG = LoggerFactory.getLogger(WarehouseLease.class);
  /** Generations kept behind the newest; older ones are removed after each win. */
  static final int KEEP = 20;

  private final LeaseStore store;
  private final LeaseHolder me;
  private final Duration ttl;
  private final LeaseClock clock;
  private volatile LeaseRecord mine;

  public WarehouseLease(LeaseStore store, LeaseHolder me, Duration ttl, LeaseClock clock) {
    this.store = store;
    this.me = me;
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * The lease's current generation on this warehouse (empty when no run ever took it), for
   * tools that report or clean up after runs: {@link LeaseRecord#heldAt} tells whether it
   * still keeps writers out, {@link LeaseRecord#expiredAt} whether its holder stopped.
   */
  public static Optional<LeaseRecord> inspect(WarehouseLayout layout, Configuration hadoopConf) throws IOException {
    return latest(LeaseStores.open(layout, hadoopConf));
  }

  public LeaseHolder holder() {
    return me;
  }

  public String location() {
    return store.location();
  }

  /** Our generation while we hold the lease; null before acquiring and after release. */
  public LeaseRecord mine() {
    return mine;
  }

  /** The newest generation (empty when none). */
  public Optional<LeaseRecord> current() throws IOException {
    return latest(store);
  }

  /**
   * One attempt: takes the lease when it is free, released, or expired (a take-over), by
   * creating the next generation. Busy when another run holds it or won the race for it.
   */
  public Acquisition tryAcquire() throws IOException {
    Optional<LeaseRecord> cur = latest(store);
    var now = clock.now();
    if (cur.isPresent() && cur.get().heldAt(now) && !cur.get().holder().sameAs(me)) {
      return Acquisition.busy(cur.get());
    }
    LeaseHolder expired = cur.filter(r -> r.expiredAt(now) && !r.holder().sameAs(me)).map(LeaseRecord::holder)
        .orElse(null);
    long next = cur.map(r -> r.generation() + 1).orElse(1L);
    LeaseRecord attempt = new LeaseRecord(next, me, now, now.plus(ttl), false);
    if (store.create(next, attempt.toJson()) && isNewest(next)) {
      mine = attempt;
      if (expired != null) {
        LOG.warn("took over the warehouse lease from {}: it expired at {}", expired.describe(),
            cur.get().expiresAt());
      }
      prune(next);
      return Acquisition.won(attempt, expired);
    }
    // another run created that generation first: it holds the lease now
    return Acquisition.busy(latest(store).orElse(attempt));
  }

  /**
   * The heartbeat: extends our hold by {@code ttl} from now with a new generation. Throws
   * {@link LeaseLostException} when another run has taken the lease over meanwhile.
   */
  public LeaseRecord renew() throws IOException {
    LeaseRecord held = requireHeld();
    var now = clock.now();
    LeaseRecord next = new LeaseRecord(held.generation() + 1, me, now, now.plus(ttl), false);
    if (!store.create(next.generation(), next.toJson()) || !isNewest(next.generation())) {
      throw lost();
    }
    mine = next;
    prune(next.generation());
    return next;
  }

  /** Ends our hold with a released generation; the next run starts at once. */
  public void release() throws IOException {
    LeaseRecord held = requireHeld();
    var now = clock.now();
    LeaseRecord done = new LeaseRecord(held.generation() + 1, me, now, now, true);
    mine = null;
    if (!store.create(done.generation(), done.toJson())) {
      LOG.warn("the warehouse lease had already passed to another run; nothing to release");
    }
  }

  /** Throws {@link LeaseLostException} unless the newest generation is still our unexpired one. */
  public void ensureHeld() throws IOException {
    LeaseRecord held = requireHeld();
    Optional<LeaseRecord> cur = latest(store);
    if (cur.isEmpty() || cur.get().generation() != held.generation() || !held.heldAt(clock.now())) {
      throw lost();
    }
  }

  private LeaseRecord requireHeld() {
    LeaseRecord held = mine;
    if (held == null) {
      throw new IllegalStateException("this run does not hold the warehouse lease");
    }
    return held;
  }

  private LeaseLostException lost() throws IOException {
    mine = null;
    Optional<LeaseRecord> cur = latest(store);
    String who = cur.filter(r -> !r.holder().sameAs(me)).map(r -> " to " + r.holder().describe()).orElse("");
    return new LeaseLostException("this run lost the warehouse lease" + who
        + " (its heartbeat stopped for longer than the lease's ttl)", cur.orElse(null));
  }

  /** A create of an old, pruned generation number by a very late writer must not count as a win. */
  private boolean isNewest(long generation) throws IOException {
    List<Long> all = store.generations();
    return !all.isEmpty() && all.get(all.size() - 1) == generation;
  }

  private void prune(long newest) {
    try {
      for (long g : store.generations()) {
        if (g < newest - KEEP) {
          store.delete(g);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("could not remove old lease generations: {}", e.getMessage());
    }
  }

  private static Optional<LeaseRecord> latest(LeaseStore store) throws IOException {
    List<Long> all = store.generations();
    // newest first; a generation pruned between listing and reading is skipped
    for (int i = all.size() - 1; i >= 0; i--) {
      Optional<byte[]> bytes = store.read(all.get(i));
      if (bytes.isPresent()) {
        return Optional.of(LeaseRecord.fromJson(bytes.get(), store.location() + "/" + LeaseStore.fileName(all.get(i))));
      }
    }
    return Optional.empty();
  }
}
