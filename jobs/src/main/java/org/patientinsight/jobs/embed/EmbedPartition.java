package org.patientinsight.jobs.embed;

import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
 * Embeds one partition of (patient_uid, content_hash, note) rows into {@code embeddings} rows
 * with the configured model, one text at a time on the CPU (batch 1 is fastest there;
 * parallelism comes from the task slots sharing the JVM's one ONNX session). The embedder is fetched on the executor, never captured in the
 * closure. Rows stream through: a partition holds one note at a time on the CPU, one batch of
 * {@link MiniLmEmbedder#GPU_BATCH} (sorted by token length, so little padding) on a GPU.
 */
final class EmbedPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(EmbedPartition.class);

  private final EmbedSettings embed;
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
  EmbedPartition(EmbedSettings embed, String runId, Timestamp embeddedAt, int logEvery,
      LongAccumulator progress, LongAccumulator tokenCount) {
    this.embed = embed;
    this.runId = runId;
    this.embeddedAt = embeddedAt;
    this.logEvery = logEvery;
    this.progress = progress;
    this.tokenCount = tokenCount;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    MiniLmEmbedder embedder = embed.embedder();
    String modelId = embedder.modelId();
    TaskContext task = TaskContext.get();
    int partition = task == null ? -1 : task.partitionId();
    long start = System.nanoTime();
    // batch 1 on the CPU (fastest there); on a GPU, batches bucketed by token length
    int batch = embedder.preferredBatchSize();
    return new Iterator<>() {
      private final ArrayDeque<Row> ready = new ArrayDeque<>(batch);
      private long done;
      private long tokens;
      private boolean reported;

      @Override
      public boolean hasNext() {
        boolean more = !ready.isEmpty() || rows.hasNext();
        if (!more && done > 0 && !reported) {
          reported = true; // Spark may ask again after the end
          progress("done");
        }
        return more;
      }

      @Override
      public Row next() {
        if (ready.isEmpty()) {
          embedNext();
        }
        return ready.poll();
      }

      private void embedNext() {
        List<Row> in = new ArrayList<>(batch);
        while (in.size() < batch && rows.hasNext()) {
          in.add(rows.next());
        }
        if (in.isEmpty()) {
          throw new NoSuchElementException();
        }
        List<EmbeddedText> out;
        if (batch == 1) {
          out = List.of(embedder.embedCounted(in.get(0).getString(2)));
        } else {
          List<String> notes = new ArrayList<>(in.size());
          in.forEach(r -> notes.add(r.getString(2)));
          out = embedder.embedAllCounted(notes, batch);
        }
        for (int i = 0; i < in.size(); i++) {
          EmbeddedText e = out.get(i);
          done++;
          tokens += e.tokens();
          progress.add(1);
          tokenCount.add(e.tokens());
          if (logEvery > 0 && done % logEvery == 0) {
            progress("so far");
          }
          ready.add(RowFactory.create(in.get(i).getString(0), in.get(i).getString(1), modelId,
              e.vector(), e.tokens(), embeddedAt, runId));
        }
      }

      private void progress(String when) {
        double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        LOG.info("[{}] embed partition {}: {} texts {} ({} tokens, {} texts/s)", runId,
            partition, done, when, tokens, String.format("%.1f", done / secs));
      }
    };
  }
}
