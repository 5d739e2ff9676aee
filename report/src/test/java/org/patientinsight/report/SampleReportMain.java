package org.patientinsight.report;

import org.patientinsight.quality.report.ReasonCount;
import org.patientinsight.quality.report.ReportStats;
import org.patientinsight.quality.report.ReportStatsCollector;
import org.patientinsight.quality.report.RunCounts;
import org.patientinsight.quality.report.StatsReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.quality.GateResult;
import org.patientinsight.quality.QualityGate;
import org.patientinsight.quality.QualityTestSpark;
import org.patientinsight.quality.QualityThresholds;
import org.patientinsight.quality.QualityHistory;
import org.patientinsight.quality.profile.CaseProfiler;
import org.patientinsight.quality.profile.ColumnProfile;

/**
 * Writes a sample report.html/report.json from a synthetic batch shaped like PMC-Patients
 * (used to review the page in a browser and for the README screenshot).
 * Usage: SampleReportMain [outDir]
 */
public final class SampleReportMain {
  private SampleReportMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Paths.get(args.length > 0 ? args[0] : "target/sample-report");
    Files.createDirectories(out);
    SparkSession spark = QualityTestSpark.get();
    String metrics = out.resolve("history/metrics.json").toString();
    QualityHistory history = QualityHistory.open(spark, metrics, "staged_batch");
    QualityGate gate = new QualityGate(QualityThresholds.defaults());
    Instant now = Instant.now();
    if (!history.hasBaseline(now)) {
      gate.check(batch(spark, 2760, 7), "20260301-0800-prev", history, now.minusSeconds(86400));
    }
    Dataset<Row> batch = batch(spark, 3000, 11).cache();
    GateResult result = gate.check(batch, "20260302-0800-a1f3", history, now);
    List<ColumnProfile> profile = CaseProfiler.profile(batch);
    ReportStats stats = ReportStatsCollector.collect(batch);
    StatsReport report = new StatsReport(result.runId(), "staged batch", now,
        new RunCounts(3141, 2650, 212, 138, 96, 45), result, stats, profile,
        List.of(new ReasonCount("AGE_UNPARSEABLE", 41), new ReasonCount("NOTE_TOO_SHORT", 27),
            new ReasonCount("PMID_NOT_NUMERIC", 15), new ReasonCount("MISSING_PATIENT_UID", 9),
            new ReasonCount("BAD_SIMILAR_PATIENTS_LITERAL", 4)),
        List.of());
    Files.writeString(out.resolve("report.html"), ReportRenderer.html(report),
        StandardCharsets.UTF_8);
    Files.writeString(out.resolve("report.json"), ReportRenderer.json(report),
        StandardCharsets.UTF_8);
    System.out.println("wrote " + out.resolve("report.html").toAbsolutePath());
    spark.stop();
  }

  /** A synthetic batch with PMC-Patients-like age, sex, source and note-length mixes. */
  static Dataset<Row> batch(SparkSession spark, int n, int seed) {
    return spark.range(n).selectExpr(
            "id",
            "rand(" + seed + ") AS u1", "rand(" + (seed + 1) + ") AS u2",
            "randn(" + (seed + 2) + ") AS z1", "randn(" + (seed + 3) + ") AS z2",
            "rand(" + (seed + 4) + ") AS u3")
        .selectExpr(
            "concat(cast(5000000 + id * 13 AS string), '-1') AS patient_uid",
            "cast(30000000 + id * 7 AS string) AS pmid",
            "CASE WHEN u3 < 0.985 THEN concat('Case report ', id) END AS title",
            "CASE WHEN u1 < 0.055 THEN CAST(NULL AS double) "
                + "WHEN u1 < 0.17 THEN round(u2 * 16, 1) "
                + "ELSE round(greatest(17.0, least(98.0, 52 + z1 * 17)), 0) END AS age_years",
            "CASE WHEN u1 < 0.055 THEN 'none' WHEN u2 < 0.09 THEN 'text' ELSE 'field' END"
                + " AS age_source",
            "CASE WHEN u3 < 0.03 THEN NULL WHEN u2 < 0.52 THEN 'F' ELSE 'M' END AS gender",
            "CASE WHEN u3 < 0.03 THEN 'none' WHEN u1 > 0.94 THEN 'text' ELSE 'field' END"
                + " AS gender_source",
            "cast(greatest(60, least(40000, exp(7.55 + z2 * 0.62))) AS int) AS n_chars")
        .selectExpr("*",
            "substring(repeat('The patient presented with a three-day history of symptoms. ',"
                + " 700), 1, n_chars) AS note")
        .selectExpr("patient_uid", "pmid", "title", "note", "age_years", "age_source",
            "gender", "gender_source",
            "map(pmid, 1) AS relevant_articles",
            "map(concat(patient_uid, 'x'), 1) AS similar_patients",
            "length(note) AS note_chars", "sha2(note, 256) AS content_hash",
            "'s3a://sample/raw/batch.csv' AS source_uri", "'sample' AS run_id",
            "current_timestamp() AS ingested_at");
  }
}
