package org.patientinsight.jobs.drift;

import static org.apache.spark.ml.functions.array_to_vector;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.DriftReportsTable;
import org.patientinsight.contract.EmbeddingsTable;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.quality.deequ.ScalaInterop;
import org.patientinsight.quality.drift.ClusterShift;
import org.patientinsight.quality.drift.EmbeddingDriftPolicy;
import org.patientinsight.quality.drift.EmbeddingDriftReport;
import org.patientinsight.report.EmbeddingDriftSvg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedding drift: this run's new or changed cases' vectors (or, for the {@code drift}
 * command, every vector) against a versioned embedding baseline — a domain classifier's
 * held-out ROC AUC ({@link DomainClassifier}) and the shares of the baseline's KMeans topic
 * clusters ({@link TopicClusters}). The first time, the baseline is pinned from the
 * embeddings table as it is and the report says nothing was compared. Adds the
 * {@code embedding_drift} summary section, a {@code drift_reports} row (scope
 * {@code embedding}), a report section, and an {@code embedding_drift} alert when flagged.
 */
public final class EmbeddingDriftStage {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingDriftStage.class);

  private final RunContext ctx;

  public EmbeddingDriftStage(RunContext ctx) {
    this.ctx = ctx;
  }

  private EmbeddingBaselineStore store() {
    return EmbeddingBaselineStore.forWarehouse(ctx.layout(), ctx.spark().sparkContext().hadoopConfiguration());
  }

  private String name() {
    return ctx.settings().get("drift.embedding.baseline_name");
  }

  private long seed() {
    return ctx.settings().getInt("drift.embedding.seed", 0, Integer.MAX_VALUE);
  }

  /** Current-model vectors as (patient_uid, content_hash, features); empty Optional with no table. */
  private Optional<Dataset<Row>> vectors() {
    String path = ctx.layout().table(EmbeddingsTable.NAME);
    if (TableVersions.versionOf(ctx.spark(), path) < 0) {
      return Optional.empty();
    }
    return Optional.of(ctx.spark().read().format("delta").load(path)
        .filter(col(EmbeddingsTable.MODEL_ID).equalTo(lit(MiniLmEmbedder.MODEL_ID)))
        .select(col(EmbeddingsTable.PATIENT_UID), col(EmbeddingsTable.CONTENT_HASH),
            array_to_vector(col(EmbeddingsTable.VECTOR)).as(DomainClassifier.FEATURES)));
  }

  /**
   * @param batchOnly compare the cases this run wrote (pipeline) rather than every vector (drift command)
   * @return the comparison, or a skipped outcome saying why there are no embeddings to look at
   */
  public EmbeddingDriftOutcome run(boolean batchOnly) {
    Optional<Dataset<Row>> all = vectors();
    if (all.isEmpty()) {
      return EmbeddingDriftOutcome.skipped("no embeddings table (run embed first)");
    }
    EmbeddingDriftPolicy policy = EmbeddingDriftPolicy.fromSettings(ctx.settings());
    Optional<EmbeddingBaseline> existing = store().latest(name());
    EmbeddingDriftReport report;
    if (existing.isEmpty()) {
      EmbeddingBaseline b = pin(all.get());
      report = EmbeddingDriftReport.pinned(b.ref(), batchOnly ? "batch" : "table", b.modelId(), b.sampleRows(),
          shifts(b, Map.of(), 0), policy);
    } else {
      Dataset<Row> batch = all.get();
      if (batchOnly) {
        Dataset<Row> written = ctx.spark().read().format("delta").load(ctx.layout().table(CasesTable.NAME))
            .filter(col(CasesTable.RUN_ID).equalTo(lit(ctx.runId())))
            .select(CasesTable.PATIENT_UID, CasesTable.CONTENT_HASH);
        batch = batch.join(written, ScalaInterop.seq(CasesTable.PATIENT_UID, CasesTable.CONTENT_HASH));
      }
      report = compare(existing.get(), batch, batchOnly ? "batch" : "table", policy);
    }
    Map<String, Object> section = new LinkedHashMap<>(report.toSummaryMap());
    section.put("reasons", report.reasons());
    DriftAlerts.Dispatched alert = DriftAlerts.dispatch(ctx, report.finding());
    section.putAll(alert.figures());
    long version = writeReportRow(report);
    return new EmbeddingDriftOutcome(report, section, EmbeddingDriftSvg.renderHtmlSection(report), alert.raised(),
        version);
  }

  private EmbeddingDriftReport compare(EmbeddingBaseline b, Dataset<Row> batch, String scope,
      EmbeddingDriftPolicy policy) {
    SparkSession spark = ctx.spark();
    Dataset<Row> cached = batch.select(DomainClassifier.FEATURES).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      KMeansModel model = store().model(b);
      Map<Integer, TopicClusters.Stat> stats = TopicClusters.describe(model, cached);
      long nBatch = stats.values().stream().mapToLong(TopicClusters.Stat::count).sum();
      Dataset<Row> sample = store().sample(spark, b);
      DomainClassifier.Result auc = new DomainClassifier(ctx.settings().getInt("drift.embedding.folds", 2, 10),
          ctx.settings().getInt("drift.embedding.sample_rows", 10, Integer.MAX_VALUE), seed())
          .auc(sample, b.sampleRows(), cached, nBatch);
      double meanDistance = nBatch == 0 ? Double.NaN
          : TopicClusters.cosineDistance(b.mean(), TopicClusters.overallMean(stats, b.mean().length));
      LOG.info("[{}] embedding drift vs {}: AUC {} on {} vectors", ctx.runId(), b.ref(), auc.auc(), auc.scored());
      return EmbeddingDriftReport.evaluate(b.ref(), scope, b.modelId(), b.sampleRows(), nBatch, auc.auc(),
          auc.scored(), meanDistance, shifts(b, stats, nBatch), policy);
    } finally {
      cached.unpersist();
    }
  }

  private static List<ClusterShift> shifts(EmbeddingBaseline b, Map<Integer, TopicClusters.Stat> batch, long nBatch) {
    List<ClusterShift> out = new ArrayList<>();
    for (EmbeddingBaseline.Cluster c : b.clusters()) {
      TopicClusters.Stat s = batch.get(c.id());
      long n = s == null ? 0 : s.count();
      out.add(new ClusterShift(c.id(), c.titleWords(), c.count(), n, c.count() / (double) b.sampleRows(),
          nBatch == 0 ? Double.NaN : n / (double) nBatch,
          s == null ? Double.NaN : TopicClusters.cosineDistance(c.centroid(), s.mean())));
    }
    return out;
  }

  /** Pins the next embedding baseline version from the current vectors (a seeded sample of them). */
  public EmbeddingBaseline pin(Dataset<Row> vectors) {
    SparkSession spark = ctx.spark();
    String embeddings = ctx.layout().table(EmbeddingsTable.NAME);
    long sourceVersion = TableVersions.versionOf(spark, embeddings);
    int maxRows = ctx.settings().getInt("drift.embedding.sample_rows", 10, Integer.MAX_VALUE);
    long total = vectors.count();
    Dataset<Row> sample = vectors.select(EmbeddingsTable.PATIENT_UID, DomainClassifier.FEATURES);
    if (total > maxRows) {
      sample = sample.sample(false, Math.min(1.0, 1.2 * maxRows / total), seed()).limit(maxRows);
    }
    sample = sample.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = sample.count();
      int k = (int) Math.max(1, Math.min(ctx.settings().getInt("drift.embedding.clusters", 2, 100), n / 10));
      KMeansModel model = TopicClusters.fit(sample, k, seed());
      Map<Integer, TopicClusters.Stat> stats = TopicClusters.describe(model, sample);
      Dataset<Row> titles = sample.join(spark.read().format("delta").load(ctx.layout().table(CasesTable.NAME))
          .select(CasesTable.PATIENT_UID, CasesTable.TITLE), CasesTable.PATIENT_UID);
      Map<Integer, List<String>> words = TopicClusters.titleWords(model, titles, 3);
      List<EmbeddingBaseline.Cluster> clusters = new ArrayList<>();
      for (int id = 0; id < model.clusterCenters().length; id++) {
        TopicClusters.Stat s = stats.get(id);
        clusters.add(new EmbeddingBaseline.Cluster(id, s == null ? 0 : s.count(), words.getOrDefault(id, List.of()),
            s == null ? model.clusterCenters()[id].toArray() : s.mean()));
      }
      int dim = model.clusterCenters()[0].size();
      EmbeddingBaseline b = new EmbeddingBaseline(name(), store().nextVersion(name()), Instant.now(),
          MiniLmEmbedder.MODEL_ID, sourceVersion, n, clusters, TopicClusters.overallMean(stats, dim));
      store().save(b, sample, model);
      LOG.info("[{}] pinned embedding baseline {} ({} vectors, {} clusters)", ctx.runId(), b.ref(), n, k);
      return b;
    } finally {
      sample.unpersist();
    }
  }

  /** Pins a new version from every current vector (the {@code drift baseline --embeddings} command). */
  public EmbeddingBaseline pinFromTable() {
    return pin(vectors().orElseThrow(() -> new org.patientinsight.jobs.run.JobFailure(
        "no embeddings table at " + ctx.layout().table(EmbeddingsTable.NAME) + "; run 'embed' first")));
  }

  private long writeReportRow(EmbeddingDriftReport r) {
    Map<String, Object> m = r.toSummaryMap();
    int version = Integer.parseInt(r.baselineRef().substring(r.baselineRef().lastIndexOf("@v") + 2));
    Row row = RowFactory.create(ctx.runId(), Timestamp.from(Instant.now()), DriftReportsTable.SCOPE_EMBEDDING,
        r.baselineRef(), version,
        TableVersions.versionOf(ctx.spark(), ctx.layout().table(EmbeddingsTable.NAME)), r.nBatch(), r.nBaseline(),
        null, null, null, null, null, null, null, null, r.alert(), r.warning(),
        ScalaInterop.seq(r.reasons()), r.toJson().toString(),
        null, null, null, null, num(m.get("domain_auc")), num(m.get("cluster_psi")), num(m.get("centroid_cosine_max")));
    return DriftStage.appendReportRow(ctx, row);
  }

  private static Double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }
}
