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
import org.apache.spark.util.LongAccumulator;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.EmbeddingsTable;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.quality.deequ.ScalaInterop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embed stage: embeds the cases whose (content_hash, model) has no vector in
 * {@code embeddings} yet — new, edited, or embedded by another model — and writes the vectors
 * to {@code embeddings}. Nothing is pushed to a vector store here: {@link SyncStage} does that
 * from the table, so a failed or throttled upsert never costs an embedding again.
 *
 * <p>Notes never reach the driver: the anti-join, the model and the write all run in Spark.
 * A first job counts the backlog ({@link EmbedBacklog}) to size the tasks and choose the
 * write; the texts are then dealt round-robin into equal tasks ({@link EmbedTaskPlan}).
 * When every uid is new (a first fill, a batch of new cases) the model runs inside the append
 * job itself, and the counts come from accumulators of that job's result tasks, which Spark
 * applies once per task. When some uids already have a row, the vectors are persisted and
 * MERGEd (a MERGE reads its source twice; the model must not run twice). One embed run at a
 * time per warehouse (as for every writing stage).
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
    String casesPath = ctx.layout().table(CasesTable.NAME);
    if (TableVersions.versionOf(spark, casesPath) < 0) {
      throw new JobFailure("no cases table at " + casesPath + "; run 'ingest' or 'pipeline' first");
    }
    String embeddingsPath = ctx.layout().table(EmbeddingsTable.NAME);
    ctx.versions().remember(embeddingsPath); // a failed run takes its vectors back with its cases
    boolean haveEmbeddings = TableVersions.versionOf(spark, embeddingsPath) >= 0;
    EmbedSettings embed = EmbedSettings.from(ctx.settings());
    String modelId = embed.modelId(); // another model's vectors count as missing: re-embedded
    int tasksPerSlot = ctx.settings().getInt("embed.tasks_per_slot", 1, 1000);
    int logEvery = ctx.settings().getInt("embed.log_every", 0, Integer.MAX_VALUE);
    String store = VectorStores.configuredName(ctx.settings()); // a bad name fails before any work

    Dataset<Row> changed = spark.read().format("delta").load(casesPath)
        .select(CasesTable.PATIENT_UID, CasesTable.CONTENT_HASH, CasesTable.NOTE);
    if (haveEmbeddings) {
      Dataset<Row> current = spark.read().format("delta").load(embeddingsPath)
          .filter(col(EmbeddingsTable.MODEL_ID).equalTo(lit(modelId)))
          .select(EmbeddingsTable.PATIENT_UID, EmbeddingsTable.CONTENT_HASH);
      changed = changed.join(current,
          ScalaInterop.seq(EmbeddingsTable.PATIENT_UID, EmbeddingsTable.CONTENT_HASH), "left_anti");
    }
    Column hasNote = col(CasesTable.NOTE).isNotNull().and(length(col(CasesTable.NOTE)).gt(0));
    EmbedBacklog backlog = countBacklog(spark, changed, hasNote, haveEmbeddings, embeddingsPath);
    if (backlog.noNote() > 0) {
      LOG.warn("[{}] {} changed case(s) have no note and are not embedded", ctx.runId(),
          backlog.noNote());
    }
    long toEmbed = backlog.toEmbed();
    EmbedTaskPlan plan = EmbedTaskPlan.of(toEmbed, spark.sparkContext().defaultParallelism(),
        tasksPerSlot);
    LOG.info("[{}] {} case(s) to embed with {} in {} task(s) on {} slot(s); vectors {}",
        ctx.runId(), toEmbed, modelId, plan.tasks(), plan.slots(), backlog.appendOnly()
            ? "appended" : "merged (" + backlog.replacing() + " replace older ones)");

    long embedded = 0;
    long tokens = 0;
    double embedSeconds = 0;
    if (toEmbed > 0) {
      long t0 = System.nanoTime();
      LongAccumulator tokenCount = spark.sparkContext().longAccumulator("embedded tokens");
      try (EmbedProgress progress = new EmbedProgress(spark.sparkContext(), ctx.runId(), toEmbed)) {
        Dataset<Row> vectors = changed.filter(hasNote)
            .repartition(plan.tasks())
            .mapPartitions(new EmbedPartition(embed, ctx.runId(), Timestamp.from(Instant.now()), logEvery,
                progress.counter(), tokenCount), Encoders.row(EmbeddingsTable.SCHEMA));
        if (backlog.appendOnly()) {
          // one job reads, embeds and writes; the model runs in its result tasks
          vectors.write().format("delta").mode("append").save(embeddingsPath);
          embedded = progress.counter().value();
          tokens = tokenCount.value();
          embedSeconds = (System.nanoTime() - t0) / 1e9;
        } else {
          Dataset<Row> kept = vectors.persist(StorageLevel.MEMORY_AND_DISK());
          try {
            Row done = kept.agg(count(lit(1)), sum(col(EmbeddingsTable.TOKENS))).first();
            embedSeconds = (System.nanoTime() - t0) / 1e9;
            embedded = done.getLong(0);
            tokens = done.isNullAt(1) ? 0 : done.getLong(1);
            DeltaTable.forPath(spark, embeddingsPath).as("t")
                .merge(kept.as("s"), EmbeddingsTable.KEY.mergeCondition("t", "s"))
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .execute();
          } finally {
            kept.unpersist();
          }
        }
      }
      if (embedded != toEmbed) {
        LOG.warn("[{}] embedded {} texts, {} were counted before (cases changed meanwhile?)",
            ctx.runId(), embedded, toEmbed);
      }
    } else if (!haveEmbeddings) {
      EmbeddingTables.createIfMissing(spark, embeddingsPath, EmbeddingsTable.SCHEMA);
    }
    String write = toEmbed == 0 ? "none" : backlog.appendOnly() ? "append" : "merge";
    EmbedResult result = new EmbedResult(modelId, store, embedded, tokens, backlog.noNote(),
        plan.tasks(), write, embedSeconds, (System.nanoTime() - stageStart) / 1e9,
        TableVersions.versionOf(spark, embeddingsPath));
    LOG.info("[{}] embedded {} texts ({} tokens) in {} s: {} texts/s, {} tokens/s", ctx.runId(),
        embedded, tokens, String.format("%.1f", embedSeconds),
        String.format("%.1f", result.textsPerSecond()), String.format("%.0f", result.tokensPerSecond()));
    return result;
  }

  /**
   * One small job over the changed rows (the note is only measured, never kept) and, when
   * there is an embeddings table, the uids it holds under any model.
   */
  private static EmbedBacklog countBacklog(SparkSession spark, Dataset<Row> changed,
      Column hasNote, boolean haveEmbeddings, String embeddingsPath) {
    Dataset<Row> flagged = changed.select(col(CasesTable.PATIENT_UID), hasNote.as("has_note"));
    Column replacing = lit(false);
    if (haveEmbeddings) {
      Dataset<Row> known = spark.read().format("delta").load(embeddingsPath)
          .select(col(EmbeddingsTable.PATIENT_UID)).distinct().withColumn("known", lit(true));
      flagged = flagged.join(known, ScalaInterop.seq(EmbeddingsTable.PATIENT_UID), "left");
      replacing = col("has_note").and(col("known").isNotNull());
    }
    Row counts = flagged.agg(count(lit(1)),
        sum(when(col("has_note"), 0).otherwise(1)),
        sum(when(replacing, 1).otherwise(0))).first();
    return new EmbedBacklog(counts.getLong(0), counts.isNullAt(1) ? 0 : counts.getLong(1),
        counts.isNullAt(2) ? 0 : counts.getLong(2));
  }
}
