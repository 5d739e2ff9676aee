package org.patientinsight.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.NearDuplicatesTable;
import org.patientinsight.core.config.Settings;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.tables.TableVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Near-duplicate cases — the same patient reported in two articles, or a case copied with
 * small edits: the cases this run wrote are compared with every case in the table
 * ({@link NearDuplicateFinder}); pairs at or above {@code near_duplicates.min_jaccard} across
 * different patient_uids are appended to {@code near_duplicates} (uids, similarity, run id),
 * and a Warning-level check reports the share of the batch's cases in such a pair. Nothing is
 * removed: which copy to keep is an editorial decision.
 */
public final class NearDuplicateStage {
  private static final Logger LOG = LoggerFactory.getLogger(NearDuplicateStage.class);
  private static final String UID_A = NearDuplicatesTable.PATIENT_UID_A;
  private static final String UID_B = NearDuplicatesTable.PATIENT_UID_B;

  private final RunContext ctx;

  public NearDuplicateStage(RunContext ctx) {
    this.ctx = ctx;
  }

  /** @param batchOnly probe with this run's cases (pipeline) or with every case */
  public NearDuplicateResult run(boolean batchOnly) {
    SparkSession spark = ctx.spark();
    Settings s = ctx.settings();
    double minJaccard = s.getDouble("near_duplicates.min_jaccard", 1e-6, 1);
    Dataset<Row> cases = spark.read().format("delta").load(ctx.layout().table(CasesTable.NAME))
        .select(col(CasesTable.PATIENT_UID), col(CasesTable.NOTE),
            batchOnly ? col(CasesTable.RUN_ID).equalTo(lit(ctx.runId())).as("probe") : lit(true).as("probe"));
    Dataset<Row> shingled = NoteShingles.of(cases, CasesTable.NOTE, s.getInt("near_duplicates.shingle_words", 1, 20))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long checked = shingled.filter(col("probe")).count();
      int reportPairs = s.getInt("near_duplicates.report_pairs", 0, 1000);
      long n = 0;
      long involved = 0;
      long version = -1;
      List<NearDuplicateResult.Pair> top = List.of();
      if (checked > 0) { // a no-op re-run checks nothing and writes nothing
        Dataset<Row> pairs = new NearDuplicateFinder(s.getInt("near_duplicates.bands", 1, 200),
            s.getInt("near_duplicates.rows_per_band", 1, 20), minJaccard, s.getInt("near_duplicates.seed", 0,
            Integer.MAX_VALUE)).pairs(shingled)
            .select(col("uid_a").as(UID_A), col("uid_b").as(UID_B), col(NearDuplicatesTable.JACCARD))
            .persist(StorageLevel.MEMORY_AND_DISK());
        try {
          n = pairs.count();
          if (n > 0) {
            String path = ctx.layout().table(NearDuplicatesTable.NAME);
            ctx.versions().remember(path);
            pairs.withColumn(NearDuplicatesTable.RUN_ID, lit(ctx.runId()))
                .withColumn(NearDuplicatesTable.DETECTED_AT, current_timestamp())
                .select(NearDuplicatesTable.RUN_ID, UID_A, UID_B, NearDuplicatesTable.JACCARD,
                    NearDuplicatesTable.DETECTED_AT)
                .write().format("delta").mode("append").save(path);
            version = TableVersions.versionOf(spark, path);
            Dataset<Row> probeUids = shingled.filter(col("probe")).select(col(CasesTable.PATIENT_UID).as("uid"));
            involved = pairs.select(col(UID_A).as("uid")).union(pairs.select(col(UID_B).as("uid")))
                .join(probeUids, "uid").agg(countDistinct("uid")).first().getLong(0);
            top = pairs.orderBy(desc(NearDuplicatesTable.JACCARD), col(UID_A), col(UID_B)).limit(reportPairs)
                .collectAsList().stream()
                .map(r -> new NearDuplicateResult.Pair(r.getString(0), r.getString(1), r.getDouble(2))).toList();
          }
        } finally {
          pairs.unpersist();
        }
      }
      NearDuplicateResult result = new NearDuplicateResult(checked, n, involved, minJaccard,
          s.getDouble("near_duplicates.max_share", 0, 1), top, version);
      if (!result.checkPassed()) {
        LOG.warn("[{}] warning check {} failed: {} of {} cases have a near-duplicate", ctx.runId(),
            NearDuplicateResult.CHECK, involved, checked);
      }
      return result;
    } finally {
      shingled.unpersist();
    }
  }
}
