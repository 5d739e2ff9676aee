package org.patientinsight.jobs.embed;

import java.sql.Timestamp;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.patientinsight.core.embed.EmbeddedText;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds one partition of (patient_uid, content_hash, note) rows into {@code embeddings} rows,
 * one text at a time (batch 1 is fastest here; parallelism comes from the task slots sharing
 * the JVM's one ONNX session). The embedder is fetched on the executor, never captured in the
 * closure. Rows stream through: a partition never holds more than one note at once.
 */
final class EmbedPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(EmbedPartition.class);

  private final String runId;
  private final Timestamp embeddedAt;
  private final int logEvery;
  private final LongAccumulator progress;
  private final LongAccumulator tokenCount;

  /**
   * {@code progress} gets one per embedded text and {@code tokenCount} the tokens the model
   * saw; both are exact when this runs in a job's result tasks (Spark applies a result task's
   * accumulator updates once), and only a progress indication otherwise.
   */
  EmbedPartition(String runId, Timestamp embeddedAt, int logEvery, LongAccumulator progress,
      LongAccumulator tokenCount) {
    this.runId = runId;
    this.embeddedAt = embeddedAt;
    this.logEvery = logEvery;
    this.progress = progress;
    this.tokenCount = tokenCount;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    MiniLmEmbedder embedder = MiniLmEmbedder.shared();
    String modelId = embedder.modelId();
    TaskContext task = TaskContext.get();
    int partition = task == null ? -1 : task.partitionId();
    long start = System.nanoTime();
    return new Iterator<>() {
      private long done;
      private long tokens;
      private boolean reported;

      @Override
      public boolean hasNext() {
        boolean more = rows.hasNext();
        if (!more && done > 0 && !reported) {
          reported = true; // Spark may ask again after the end
          progress("done");
        }
        return more;
      }

      @Override
      public Row next() {
        Row in = rows.next();
        String uid = in.getString(0);
        EmbeddedText e = embedder.embedCounted(in.getString(2));
        done++;
        tokens += e.tokens();
        progress.add(1);
        tokenCount.add(e.tokens());
        if (logEvery > 0 && done % logEvery == 0) {
          progress("so far");
        }
        return RowFactory.create(uid, in.getString(1), modelId, e.vector(), e.tokens(),
            embeddedAt, runId);
      }

      private void progress(String when) {
        double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        LOG.info("[{}] embed partition {}: {} texts {} ({} tokens, {} texts/s)", runId,
            partition, done, when, tokens, String.format("%.1f", done / secs));
      }
    };
  }
}
