package org.patientinsight.jobs.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.contract.DriftReportsTable;
import org.patientinsight.core.config.Settings;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunIdentity;
import org.patientinsight.core.config.WarehouseLayout;
import org.patientinsight.jobs.testing.SharedSpark;
import org.patientinsight.quality.drift.ClusterShift;
import org.patientinsight.quality.drift.EmbeddingDriftReport;

/**
 * Embedding drift with planted shifts (seeded synthetic 384-d vectors, real tables): an adult
 * baseline, then a paediatric-heavy batch (AUC ≥ 0.55 and a cluster-share alert, the grown
 * clusters named by paediatric title words), then a same-mix batch (AUC < 0.55, no alert).
 */
class EmbeddingDriftStageTest {
  @TempDir
  Path dir;

  private RunContext run(String runId) {
    SparkSession spark = SharedSpark.get();
    Settings s = Settings.defaults().with(Map.of("warehouse", dir.toString()));
    return new RunContext(spark, s, new RunIdentity(runId, "pipeline", null, dir.toString(), Instant.now()));
  }

  @Test
  void paediatricBatchDriftsAndSameMixDoesNot() {
    SparkSession spark = SharedSpark.get();
    SyntheticCases gen = new SyntheticCases(42);

    SyntheticCases.write(spark, dir.toString(), "e1", gen.cases("adult", 600, 0.0));
    RunContext first = run("e1");
    EmbeddingDriftOutcome firstOutcome = new EmbeddingDriftStage(first).run(true);
    EmbeddingDriftReport pinned = firstOutcome.report();
    assertTrue(pinned.pinnedFromThisBatch());
    assertEquals(List.of("baseline pinned from this batch — no comparison yet"), pinned.reasons());
    assertEquals(8, pinned.clusters().size());
    assertTrue(firstOutcome.alerts().isEmpty());

    SyntheticCases.write(spark, dir.toString(), "e2", gen.cases("kids", 300, 0.6));
    RunContext second = run("e2");
    EmbeddingDriftOutcome kidsOutcome = new EmbeddingDriftStage(second).run(true);
    EmbeddingDriftReport kids = kidsOutcome.report();
    assertEquals(300, kids.nBatch(), "only the cases this run wrote");
    assertTrue(kids.auc() >= 0.55, "AUC " + kids.auc());
    assertTrue(kids.clusterPsi() >= 0.25, "cluster PSI " + kids.clusterPsi());
    assertTrue(kids.alert(), kids.reasons().toString());
    assertEquals(1, kidsOutcome.alerts().size());
    assertEquals("embedding_drift", kidsOutcome.alerts().get(0).kind());
    ClusterShift grew = EmbeddingDriftReport.moved(kids.clusters()).stream().filter(c -> c.change() > 0)
        .findFirst().orElseThrow();
    assertTrue(grew.batchShare() > grew.baselineShare());
    assertTrue(DriftAlerts.consoleLines(kidsOutcome.alerts()).get(0).startsWith("ALERT embedding_drift: Embedding drift detected"),
        DriftAlerts.consoleLines(kidsOutcome.alerts()).toString());

    SyntheticCases.write(spark, dir.toString(), "e3", gen.cases("adult2", 300, 0.0));
    RunContext third = run("e3");
    EmbeddingDriftOutcome sameOutcome = new EmbeddingDriftStage(third).run(true);
    EmbeddingDriftReport same = sameOutcome.report();
    assertTrue(same.auc() < 0.55, "AUC " + same.auc());
    assertTrue(same.clusterPsi() < 0.10, "cluster PSI " + same.clusterPsi());
    assertFalse(same.alert(), same.reasons().toString());
    assertFalse(same.warning(), same.reasons().toString());
    assertTrue(sameOutcome.alerts().isEmpty());

    List<Row> rows = spark.read().format("delta").load(WarehouseLayout.of(dir.toString()).table(DriftReportsTable.NAME))
        .filter("scope = 'embedding'").orderBy("created_at").select("run_id", "domain_auc", "alert").collectAsList();
    assertEquals(3, rows.size());
    assertTrue(rows.get(0).isNullAt(1), "the pinning run compared nothing");
    assertTrue(rows.get(1).getBoolean(2));
    String html = sameOutcome.html();
    assertTrue(html.contains("Topic-cluster shares"), html);
  }
}
