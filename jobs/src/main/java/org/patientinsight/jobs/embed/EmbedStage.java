package org.patientinsight.jobs.embed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.jobs.tables.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embed stage: embeds the cases whose (content_hash, model) has no vector in
 * {@code embeddings} yet — new, edited, or embedded by another model — and MERGEs the vectors
 * into {@code embeddings}. Nothing is pushed to a vector store here: {@link SyncStage} does
 * that from the table, so a failed or throttled upsert never costs an embedding again.
 *
 * <p>Notes never reach the driver: the anti-join, the model and the write all run in Spark.
 * The texts are dealt round-robin into equal tasks ({@link EmbedTaskPlan}); the vectors are
 * persisted once computed so the MERGE (which reads its source twice) never re-runs the model;
 * when none of the uids has a row yet (a first fill) they are appended instead of merged. One
 * embed run at a time per warehouse (as for every writing stage).
 * Adds the count {@code embedded} and the section {@code embedding} to the run summary.
 */
public final class EmbedStage {
  private static final Logger LOG = LoggerFactory.getLogger(EmbedStage.class);

  private final RunContext ctx;

  public EmbedStage(RunContext ctx) {
    this.ctx = ctx;
  }

  public EmbedResult run() {
    long stageStart = System.nanoTime();
    SparkSession spark = ctx.spark();
    String casesPath = ctx.tablePath(Tables.CASES);
    if (TableVersions.versionOf(spark, casesPath) < 0) {
      throw new JobFailure("no cases table at " + casesPath + "; run 'ingest' or 'pipeline' first");
    }
    String embeddingsPath = ctx.tablePath(EmbeddingTables.EMBEDDINGS);
    EmbeddingTables.createIfMissing(spark, embeddingsPath, EmbeddingTables.EMBEDDINGS_SCHEMA);
    String modelId = MiniLmEmbedder.MODEL_ID;
    int tasksPerSlot = ctx.settings().getInt("embed.tasks_per_slot", 1, 1000);
    int logEvery = ctx.settings().getInt("embed.log_every", 0, Integer.MAX_VALUE);
    String store = VectorStores.configuredName(ctx.settings()); // a bad name fails before any work

    Dataset<Row> current = spark.read().format("delta").load(embeddingsPath)
        .filter(col("model_id").equalTo(lit(modelId)))
        .select("patient_uid", "content_hash");
    // uids that have some row in embeddings already (then a MERGE replaces it; else append)
    Dataset<Row> known = spark.read().format("delta").load(embeddingsPath)
        .select(col("patient_uid"), lit(true).as("known"));
    Dataset<Row> changed = spark.read().format("delta").load(casesPath)
        .select("patient_uid", "content_hash", "note")
        .join(current, scala.collection.JavaConverters.asScalaBuffer(
            java.util.List.of("patient_uid", "content_hash")).toSeq(), "left_anti");
    Column hasNote = col("note").isNotNull().and(length(col("note")).gt(0));
    Row counts = changed.join(known, changed.col("patient_uid").equalTo(known.col("patient_uid")), "left")
        .agg(count(lit(1)), sum(when(hasNote, 0).otherwise(1)),
            sum(when(hasNote.and(col("known").isNotNull()), 1).otherwise(0)))
        .first();
    long changedCount = counts.getLong(0);
    long noNote = counts.isNullAt(1) ? 0 : counts.getLong(1);
    long replacing = counts.isNullAt(2) ? 0 : counts.getLong(2);
    if (noNote > 0) {
      LOG.warn("[{}] {} changed case(s) have no note and are not embedded", ctx.runId(), noNote);
    }
    long toEmbed = changedCount - noNote;
    EmbedTaskPlan plan = EmbedTaskPlan.of(toEmbed, spark.sparkContext().defaultParallelism(),
        tasksPerSlot);
    LOG.info("[{}] {} case(s) to embed with {} in {} task(s) on {} slot(s)", ctx.runId(),
        toEmbed, modelId, plan.tasks(), plan.slots());

    long tokens = 0;
    double embedSeconds = 0;
    if (toEmbed > 0) {
      long t0 = System.nanoTime();
      try (EmbedProgress progress = new EmbedProgress(spark.sparkContext(), ctx.runId(), toEmbed)) {
        Dataset<Row> vectors = changed.filter(hasNote)
            .repartition(plan.tasks())
            .mapPartitions(new EmbedPartition(ctx.runId(), Timestamp.from(Instant.now()), logEvery,
                progress.counter()), Encoders.row(EmbeddingTables.EMBEDDINGS_SCHEMA))
            .persist(StorageLevel.MEMORY_AND_DISK());
        try {
          Row done = vectors.agg(count(lit(1)), sum(col("tokens"))).first();
          embedSeconds = (System.nanoTime() - t0) / 1e9;
          if (done.getLong(0) != toEmbed) {
            LOG.warn("[{}] embedded {} texts, {} were counted before (cases changed meanwhile?)",
                ctx.runId(), done.getLong(0), toEmbed);
            toEmbed = done.getLong(0);
          }
          tokens = done.getLong(1);
          if (replacing == 0) {
            // only new uids (e.g. the first run): a plain append, far cheaper than a MERGE
            vectors.write().format("delta").mode("append").save(embeddingsPath);
          } else {
            DeltaTable.forPath(spark, embeddingsPath).as("t")
                .merge(vectors.as("s"), "t.patient_uid = s.patient_uid")
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .execute();
          }
        } finally {
          vectors.unpersist();
        }
      }
    }
    ctx.summary().tableVersion(EmbeddingTables.EMBEDDINGS,
        TableVersions.versionOf(spark, embeddingsPath));
    EmbedResult result = new EmbedResult(modelId, toEmbed, tokens, noNote, plan.tasks(),
        embedSeconds, (System.nanoTime() - stageStart) / 1e9);
    ctx.summary().count("embedded", toEmbed);
    ctx.summary().section("embedding", result.toSection(store));
    LOG.info("[{}] embedded {} texts ({} tokens) in {} s: {} texts/s, {} tokens/s", ctx.runId(),
        toEmbed, tokens, String.format("%.1f", embedSeconds),
        String.format("%.1f", result.textsPerSecond()), String.format("%.0f", result.tokensPerSecond()));
    return result;
  }
}
