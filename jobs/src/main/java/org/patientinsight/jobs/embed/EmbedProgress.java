package org.patientinsight.jobs.embed;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the embedding job's progress on the driver: the tasks count embedded texts in an
 * accumulator, and each finished task that moved it logs one line (done/total, rate). Counts
 * and rates only, never text. Removed from the context when closed.
 */
final class EmbedProgress extends SparkListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbedProgress.class);

  private final SparkContext sc;
  private final String runId;
  private final LongAccumulator embedded;
  private final long total;
  private final long start = System.nanoTime();
  private final AtomicLong lastLogged = new AtomicLong();

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
  public void onTaskEnd(SparkListenerTaskEnd end) {
    long done = embedded.value(); // merged before the task-end event is posted
    long before = lastLogged.get();
    if (done <= before || !lastLogged.compareAndSet(before, done)) {
      return;
    }
    double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    LOG.info("[{}] embedding: {}/{} texts ({}%), {} texts/s", runId, done, total,
        total == 0 ? 100 : done * 100 / total, String.format("%.1f", done / secs));
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
  }
}
