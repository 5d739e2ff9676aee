package org.patientinsight.jobs.embed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.EmbeddingsTable;
import org.patientinsight.contract.VectorSyncTable;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.vector.VectorRecord;
import org.patientinsight.jobs.run.JobFailure;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.quality.deequ.ScalaInterop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync stage: makes the configured vector store hold exactly the current vectors of the
 * cases table. It deletes ids whose case is gone (also from {@code embeddings}), then upserts
 * every case whose current embedding the store does not hold yet, as {@code vector_sync} records
 * it per store. Upserts run from the driver, streamed partition by partition with
 * {@code toLocalIterator} in chunks of {@code sync.chunk_size}: memory stays bounded, and one
 * writer keeps Pinecone within its per-namespace budget (the store cuts and paces batches).
 * Adds the counts {@code upserted}, {@code deleted} and the section {@code vector_sync}.
 */
public final class SyncStage {
  private static final Logger LOG = LoggerFactory.getLogger(SyncStage.class);
  private static final String UID = CasesTable.PATIENT_UID;
  private static final String HASH = CasesTable.CONTENT_HASH;
  private static final String MODEL = EmbeddingsTable.MODEL_ID;
  private static final String EMBEDDED_AT = EmbeddingsTable.EMBEDDED_AT;

  private final RunContext ctx;
  private final Map<String, String> env;

  public SyncStage(RunContext ctx) {
    this(ctx, System.getenv());
  }

  SyncStage(RunContext ctx, Map<String, String> env) {
    this.ctx = ctx;
    this.env = env;
  }

  /** Opens the configured store, syncs it, closes it. */
  public SyncResult run() {
    try (OpenedStore store = VectorStores.open(ctx.settings(), env)) {
      return run(store);
    }
  }

  /** Syncs the given (open) store; the caller closes it. */
  public SyncResult run(OpenedStore store) {
    long start = System.nanoTime();
    SparkSession spark = ctx.spark();
    String casesPath = ctx.layout().table(CasesTable.NAME);
    if (TableVersions.versionOf(spark, casesPath) < 0) {
      throw new JobFailure("no cases table at " + casesPath + "; run 'ingest' or 'pipeline' first");
    }
    String embeddingsPath = ctx.layout().table(EmbeddingsTable.NAME);
    // embeddings are rolled back with a failed run; vector_sync is not: it records what the store
    // holds, which no Delta restore can undo, and the next sync heals the store from it
    ctx.versions().remember(embeddingsPath);
    EmbeddingTables.createIfMissing(spark, embeddingsPath, EmbeddingsTable.SCHEMA);
    String ledgerPath = ctx.layout().table(VectorSyncTable.NAME);
    SyncLedger ledger = new SyncLedger(spark, ledgerPath, store.ledgerKey(), ctx.runId());
    String modelId = EmbedSettings.from(ctx.settings()).modelId();
    int chunkSize = ctx.settings().getInt("sync.chunk_size", 1, 100_000);
    int snippetChars = ctx.settings().getInt("sync.snippet_chars", 50, 20_000);

    Dataset<Row> cases = spark.read().format("delta").load(casesPath);
    Dataset<Row> embeddings = spark.read().format("delta").load(embeddingsPath);

    long deleted = deleteGone(store, ledger, cases.select(UID));
    forgetGoneEmbeddings(spark, embeddingsPath, embeddings, cases.select(UID));

    // one model's vectors per index: after a model switch the local index empties itself and
    // (store empty, ledger not) everything of the new model is pushed again below
    if (store.store().useModel(modelId, MiniLmEmbedder.MODEL_ID)) {
      LOG.warn("[{}] the {} store held another model's vectors; it was emptied for {}",
          ctx.runId(), store.name(), modelId);
    }
    long storeCount = store.store().count();
    long confirmed = ledger.confirmed().count();
    boolean fullResync = storeCount == 0 && confirmed > 0;
    if (fullResync) {
      LOG.warn("[{}] the {} store is empty but {} ids are recorded as synced to it (index "
          + "recreated or wiped?): pushing every vector again", ctx.runId(), store.name(), confirmed);
    }

    Dataset<Row> current = embeddings.filter(col(MODEL).equalTo(lit(modelId)))
        .select(UID, HASH, MODEL, EMBEDDED_AT, EmbeddingsTable.VECTOR);
    Dataset<Row> live = cases.select(UID, HASH, CasesTable.PMID, CasesTable.TITLE, CasesTable.AGE_YEARS,
            CasesTable.GENDER, CasesTable.NOTE)
        .join(current, ScalaInterop.seq(UID, HASH));
    long notEmbedded = cases.select(UID, HASH)
        .join(current.select(UID, HASH), ScalaInterop.seq(UID, HASH), "left_anti").count();
    if (notEmbedded > 0) {
      LOG.warn("[{}] {} case(s) have no current embedding and are not synced; run 'embed'",
          ctx.runId(), notEmbedded);
    }

    // a vector is identified by what it embeds (hash), how (model) and when (a re-embedding)
    String[] vectorKey = {UID, HASH, MODEL, EMBEDDED_AT};
    Dataset<Row> keys = live.select(UID, HASH, MODEL, EMBEDDED_AT);
    if (!fullResync) {
      keys = keys.join(ledger.confirmed().select(UID, HASH, MODEL, EMBEDDED_AT),
          ScalaInterop.seq(vectorKey), "left_anti");
    }
    keys = keys.persist(StorageLevel.MEMORY_AND_DISK());
    long upserted = 0;
    try {
      long toPush = keys.count();
      if (toPush > 0) {
        LOG.info("[{}] upserting {} vector(s) to the {} store", ctx.runId(), toPush, store.name());
        ledger.markPending(keys);
        upserted = push(store, keys.join(live, ScalaInterop.seq(vectorKey)), toPush,
            chunkSize, snippetChars);
        ledger.confirm(keys);
      }
    } finally {
      keys.unpersist();
    }
    // few segments after a sync: the local index merges its per-commit segments (no-op when
    // already merged, and for Pinecone)
    store.store().compact();

    SyncResult result = new SyncResult(store.name(), upserted, deleted, notEmbedded, fullResync,
        store.store().count(), ledger.confirmed().count(), (System.nanoTime() - start) / 1e9,
        store.stats().get(), TableVersions.versionOf(spark, ledgerPath), TableVersions.versionOf(spark, embeddingsPath));
    LOG.info("[{}] sync to {}: upserted {}, deleted {}, store holds {}", ctx.runId(), store.name(),
        upserted, deleted, result.storeCount());
    return result;
  }

  /** Deletes from the store the ids it may hold whose case is gone; returns how many. */
  private long deleteGone(OpenedStore store, SyncLedger ledger, Dataset<Row> caseIds) {
    Dataset<Row> gone = ledger.all().select(UID).join(caseIds, ScalaInterop.seq(UID), "left_anti")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = gone.count();
      if (n == 0) {
        return 0;
      }
      LOG.info("[{}] deleting {} id(s) of removed cases from the {} store", ctx.runId(), n, store.name());
      List<String> chunk = new ArrayList<>();
      for (Iterator<Row> it = gone.toLocalIterator(); it.hasNext(); ) {
        chunk.add(it.next().getString(0));
        if (chunk.size() >= 1000 || !it.hasNext()) {
          store.store().delete(chunk);
          chunk = new ArrayList<>();
        }
      }
      ledger.remove(gone); // only after the store let go of them
      return n;
    } finally {
      gone.unpersist();
    }
  }

  /** Drops embeddings of cases that are gone (they would never be looked at again). */
  private static void forgetGoneEmbeddings(SparkSession spark, String path, Dataset<Row> embeddings,
      Dataset<Row> caseIds) {
    Dataset<Row> gone = embeddings.select(UID).join(caseIds, ScalaInterop.seq(UID), "left_anti");
    if (gone.isEmpty()) {
      return;
    }
    DeltaTable.forPath(spark, path).as("t")
        .merge(gone.as("s"), EmbeddingsTable.KEY.mergeCondition("t", "s"))
        .whenMatched().delete()
        .execute();
  }

  private long push(OpenedStore store, Dataset<Row> rows, long total, int chunkSize, int snippetChars) {
    long pushed = 0;
    long nextLog = Math.max(chunkSize, total / 10);
    List<VectorRecord> chunk = new ArrayList<>(chunkSize);
    for (Iterator<Row> it = rows.toLocalIterator(); it.hasNext(); ) {
      chunk.add(toRecord(it.next(), snippetChars, store.indexesText()));
      if (chunk.size() >= chunkSize || !it.hasNext()) {
        store.store().upsert(chunk);
        pushed += chunk.size();
        chunk = new ArrayList<>(chunkSize);
        if (pushed >= nextLog || pushed == total) {
          LOG.info("[{}] upserted {}/{} vector(s)", ctx.runId(), pushed, total);
          nextLog = pushed + Math.max(chunkSize, total / 10);
        }
      }
    }
    return pushed;
  }

  private static VectorRecord toRecord(Row r, int snippetChars, boolean withText) {
    List<Float> v = r.getList(r.fieldIndex(EmbeddingsTable.VECTOR));
    float[] vector = new float[v.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = v.get(i);
    }
    int age = r.fieldIndex(CasesTable.AGE_YEARS);
    return CaseRecords.of(r.getAs(UID), vector, r.getAs(CasesTable.PMID), r.getAs(CasesTable.TITLE),
        r.isNullAt(age) ? null : r.getDouble(age), r.getAs(CasesTable.GENDER), r.getAs(CasesTable.NOTE),
        r.getAs(HASH), snippetChars, withText);
  }
}
