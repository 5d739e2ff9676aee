package org.patientinsight.jobs.embed;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.patientinsight.quality.deequ.ScalaInterop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the embedding job's overall progress on the driver, one line with rate and time left:
 * the tasks count embedded texts in an accumulator; finished tasks merge their counts, and
 * running tasks report theirs with every executor heartbeat, so the line moves while tasks
 * run (not only when one ends). At most one line per {@value #MIN_SECONDS_BETWEEN_LINES} s.
 * Counts and rates only, never text. Removed from the context when closed.
 */
final class EmbedProgress extends SparkListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbedProgress.class);

  private final SparkContext sc;
  private final String runId;
  private final LongAccumulator embedded;
  private final long total;
  private final long start = System.nanoTime();
  private final AtomicLong lastLogged = new AtomicLong();
  private static final double MIN_SECONDS_BETWEEN_LINES = 5;
  private final java.util.concurrent.ConcurrentHashMap<Long, Long> running = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile double lastLineAt = -MIN_SECONDS_BETWEEN_LINES;

  EmbedProgress(SparkContext sc, String runId, long total) {
    this.sc = sc;
    this.runId = runId;
    this.total = total;
    this.embedded = sc.longAccumulator("embedded texts");
    sc.addSparkListener(this);
  }

  /** The accumulator the tasks add one to per embedded text. */
  LongAccumulator counter() {
    return embedded;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (var task : ScalaInterop.list(update.accumUpdates())) {
      for (AccumulableInfo info : ScalaInterop.list(task._4())) {
        if (info.id() == embedded.id() && info.update().isDefined() && info.update().get() instanceof Number n) {
          running.put((Long) task._1(), n.longValue());
        }
      }
    }
    show(false);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    running.remove(end.taskInfo().taskId()); // its count is merged into the accumulator now
    show(true);
  }

  private void show(boolean taskEnded) {
    long done = embedded.value() + running.values().stream().mapToLong(Long::longValue).sum();
    long before = lastLogged.get();
    double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    boolean due = secs - lastLineAt >= MIN_SECONDS_BETWEEN_LINES || taskEnded && done >= total;
    if (done <= before || !due || !lastLogged.compareAndSet(before, done)) {
      return;
    }
    lastLineAt = secs;
    LOG.info("[{}] {}", runId, ProgressLine.of("embedding", Math.min(done, total), total, secs));
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
  }
}
