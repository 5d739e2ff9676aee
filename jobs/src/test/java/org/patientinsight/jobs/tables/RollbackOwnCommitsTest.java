package org.patientinsight.jobs.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.jobs.embed.EmbedStage;
import org.patientinsight.jobs.embed.SyncStage;
import org.patientinsight.jobs.ingest.IngestStage;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunIdentity;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;
import org.patientinsight.jobs.testing.Summaries;

/**
 * A failed run undoes its own commits and nothing else: every table it wrote (cases,
 * quarantine, quality_runs, drift_reports, embeddings) is put back when all versions since its
 * start are its own; a table another writer committed to is left and named; and the store the
 * run synced is healed by the next sync from the ledger, which is never rolled back.
 */
class RollbackOwnCommitsTest {
  static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.get();
  }

  private static final String NEAR_DUPS_OFF = "near_duplicates.enabled=false";
  private static final String EMB_DRIFT_OFF = "drift.embedding.enabled=false";

  private static RawCsv first() {
    return new RawCsv()
        .row("6100001-1", RawCsv.note(58, "F", "Chest pain radiating to the left arm."), "[[58.0, 'year']]", "F")
        .row("6100002-1", RawCsv.note(8, "M", "Seizures after a febrile illness."), "[[8.0, 'year']]", "M")
        .row("6100003-1", RawCsv.note(40, "M", "Painless jaundice and weight loss."), "[[40.0, 'year']]", "M")
        .raw("0", "", "6100009", "x", "No uid", RawCsv.note(50, "M", "x"), "", "", "{}", "{}");
  }

  /** One case edited, one new, one more broken row. */
  private static RawCsv second() {
    return new RawCsv()
        .row("6100001-1", RawCsv.note(58, "F", "Chest pain; troponin rose overnight."), "[[58.0, 'year']]", "F")
        .row("6100004-1", RawCsv.note(71, "F", "Progressive memory loss over two years."), "[[71.0, 'year']]", "F")
        .raw("0", "", "6100010", "x", "No uid", RawCsv.note(51, "M", "x"), "", "", "{}", "{}");
  }

  @Test
  void aPipelineThatFailsAfterPublishAndEmbedPutsBackOnlyItsOwnVersions() throws Exception {
    CliRun cli = new CliRun(dir);
    Path wh = cli.warehouse();
    Path a = first().write(dir.resolve("in/a.csv"));
    Path b = second().write(dir.resolve("in/b.csv"));
    JsonNode p1 = cli.run(0, "pipeline", "p1", "--input", a.toString(), "--set", NEAR_DUPS_OFF, "--set", EMB_DRIFT_OFF);
    assertEquals("SUCCEEDED", p1.path("status").asText(), p1.toString());
    Map<String, Object> before = contents(wh);
    Map<String, Long> versionsBefore = versions(wh);

    // the store cannot be opened: sync fails after cases, quarantine, quality_runs, drift_reports, embeddings moved
    Path notADir = Files.writeString(dir.resolve("not-a-dir"), "x");
    JsonNode p2 = cli.run(1, "pipeline", "p2", "--input", b.toString(), "--set", NEAR_DUPS_OFF, "--set", EMB_DRIFT_OFF,
        "--set", "vector.local.dir=" + notADir);
    assertEquals("FAILED", p2.path("status").asText(), p2.toString());
    assertEquals(2, Summaries.count(p2, "embedded"), "the edit and the new case were embedded before the failure");
    assertEquals(before, contents(wh), "every table holds what it held before the failed run");

    JsonNode rollback = p2.path("rollback");
    assertTrue(rollback.path("ok").asBoolean(), rollback.toString());
    for (String t : List.of("cases", "quarantine", "quality_runs", "drift_reports", "embeddings")) {
      JsonNode entry = rollback.path("tables").path(wh.resolve(t).toString());
      assertEquals("RESTORED", entry.path("action").asText(), t + ": " + rollback);
      assertEquals(versionsBefore.get(t), entry.path("before").asLong(), t);
      assertEquals(0, entry.path("other_versions").size(), t);
      // the run's own versions are exactly the ones its marker tagged, and the restore came after them
      List<Long> tagged = versionsBy(wh.resolve(t), CommitMarker.of("p2"));
      assertFalse(entry.path("own_versions").isEmpty(), t);
      assertEquals(tagged.subList(0, tagged.size() - 1), longs(entry.path("own_versions")), t);
      assertEquals("RESTORE", lastOperation(wh.resolve(t)), t);
    }
    assertFalse(rollback.path("tables").has(wh.resolve("vector_sync").toString()), "the ledger is never rolled back");
    // the history of p1's commits is intact
    assertEquals(versionsBefore.get("cases") + 1, versionsBy(wh.resolve("cases"), CommitMarker.of("p1")).size());

    JsonNode p3 = cli.run(0, "pipeline", "p3", "--input", b.toString(), "--set", NEAR_DUPS_OFF, "--set", EMB_DRIFT_OFF);
    assertEquals("SUCCEEDED", p3.path("status").asText(), p3.toString());
    assertEquals(1, Summaries.count(p3, "inserted"));
    assertEquals(1, Summaries.count(p3, "updated"));
    assertStoreAgrees(wh, 4);
  }

  @Test
  void aTableAnotherWriterMovedIsLeftAndNamed() throws Exception {
    Path wh = dir.resolve("wh");
    Path a = first().write(dir.resolve("in/a.csv"));
    RunContext ctx = context(wh, "w1", a);
    IngestStage ingest = new IngestStage(ctx);
    try (IngestStage.Staged staged = ingest.stage(a.toString(), null)) {
      ingest.keepQuarantine(staged.batch());
      ingest.publish(staged.batch());
    }
    // another writer (not this run) appends a case after the run created the table
    String cases = wh.resolve("cases").toString();
    spark.read().format("delta").load(cases).limit(1)
        .withColumn("patient_uid", functions.lit("6199999-1"))
        .write().format("delta").mode("append").option("userMetadata", "someone else").save(cases);

    Rollback rollback = ctx.versions().rollBack();

    Map<String, Rollback.Table> byTable = rollback.tables().stream()
        .collect(Collectors.toMap(t -> Path.of(t.path()).getFileName().toString(), t -> t));
    Rollback.Table c = byTable.get("cases");
    assertEquals(Rollback.Action.LEFT, c.action());
    assertEquals(List.of(0L), c.ownVersions());
    assertEquals(List.of(1L), c.otherVersions());
    assertEquals(4, spark.read().format("delta").load(cases).count(), "both writers' rows stay");
    assertEquals(Rollback.Action.REMOVED, byTable.get("quarantine").action(), "only this run had written it");
    assertFalse(Files.exists(wh.resolve("quarantine")));
    assertFalse(rollback.section().get("ok").equals(true));
    String line = rollback.leftLine();
    assertTrue(line.contains(cases) && line.contains("[1]") && line.contains("another writer"), line);
  }

  @Test
  void aRunThatFailsAfterSyncIsHealedByTheNextSync() throws Exception {
    CliRun cli = new CliRun(dir);
    Path wh = cli.warehouse();
    Path a = first().write(dir.resolve("in/a.csv"));
    Path b = second().write(dir.resolve("in/b.csv"));
    cli.run(0, "pipeline", "s1", "--input", a.toString(), "--set", NEAR_DUPS_OFF, "--set", EMB_DRIFT_OFF);
    Map<String, Object> before = contents(wh);

    // a run publishes, embeds and syncs the edit and the new case, then fails
    RunContext ctx = context(wh, "s2", b);
    IngestStage ingest = new IngestStage(ctx);
    try (IngestStage.Staged staged = ingest.stage(b.toString(), null)) {
      ingest.keepQuarantine(staged.batch());
      ingest.publish(staged.batch());
    }
    assertEquals(2, new EmbedStage(ctx).run().embedded());
    assertEquals(2, new SyncStage(ctx).run().upserted());
    Rollback rollback = ctx.versions().rollBack();
    assertTrue(rollback.left().isEmpty(), rollback.toString());

    assertEquals(before, contents(wh), "tables as before the run");
    assertTrue(ledger(wh).containsKey("6100004-1"), "the ledger still says the store may hold the new case");
    assertEquals(Set.of("6100004-1"), indexHas(wh, Set.of("6100004-1")),
        "until the next sync the index still holds the rolled-back case");

    JsonNode healed = cli.run(0, "sync", "s3");
    assertEquals("SUCCEEDED", healed.path("status").asText(), healed.toString());
    assertEquals(1, Summaries.count(healed, "deleted"), "the rolled-back case leaves the store");
    assertEquals(1, Summaries.count(healed, "upserted"), "the edit's older content is pushed again");
    assertStoreAgrees(wh, 3);
  }

  /** Cases, ledger, embeddings and index agree: each uid once, at the case's content hash. */
  private void assertStoreAgrees(Path wh, int cases) {
    Map<String, String> caseHashes = hashes(wh.resolve("cases"));
    assertEquals(cases, caseHashes.size());
    assertEquals(caseHashes, hashes(wh.resolve("embeddings")));
    assertEquals(caseHashes, ledger(wh));
    try (LocalVectorStore index = LocalVectorStore.openReadOnly(wh.resolve("vector_index"))) {
      assertEquals(cases, index.count());
    }
    assertEquals(caseHashes.keySet(), indexHas(wh, Set.of("6100001-1", "6100002-1", "6100003-1", "6100004-1")));
  }

  private RunContext context(Path wh, String runId, Path input) {
    Settings settings = Settings.defaults().with(Map.of("warehouse", wh.toString()));
    return new RunContext(spark, settings, new RunIdentity(runId, "pipeline", input.toString(), wh.toString(),
        Instant.now()));
  }

  /** What every table the run writes holds, compared as sorted rows (their contents, not versions). */
  private Map<String, Object> contents(Path wh) {
    Map<String, Object> m = new TreeMap<>();
    m.put("cases", hashes(wh.resolve("cases")));
    m.put("embeddings", hashes(wh.resolve("embeddings")));
    for (String t : List.of("quarantine", "quality_runs", "drift_reports")) {
      m.put(t, new TreeSet<>(spark.read().format("delta").load(wh.resolve(t).toString()).collectAsList().stream()
          .map(Row::toString).toList()));
    }
    return m;
  }

  private static Map<String, Long> versions(Path wh) {
    Map<String, Long> m = new TreeMap<>();
    for (String t : List.of("cases", "quarantine", "quality_runs", "drift_reports", "embeddings")) {
      m.put(t, TableVersions.versionOf(spark, wh.resolve(t).toString()));
    }
    return m;
  }

  private Map<String, String> hashes(Path table) {
    return spark.read().format("delta").load(table.toString()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("patient_uid"), r -> r.getAs("content_hash")));
  }

  /** The ledger's rows: uid → hash it holds (null while pending). */
  private Map<String, String> ledger(Path wh) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : spark.read().format("delta").load(wh.resolve("vector_sync").toString()).collectAsList()) {
      m.put(r.getAs("patient_uid"), r.getAs("content_hash"));
    }
    return m;
  }

  private static Set<String> indexHas(Path wh, Set<String> ids) {
    float[] probe = new float[384];
    Arrays.fill(probe, 1f);
    try (LocalVectorStore index = LocalVectorStore.openReadOnly(wh.resolve("vector_index"))) {
      return new TreeSet<>(index.similarities(probe, ids).keySet());
    }
  }

  private static List<Long> versionsBy(Path table, String marker) {
    return DeltaTable.forPath(spark, table.toString()).history()
        .filter(functions.col("userMetadata").equalTo(marker)).select("version").collectAsList().stream()
        .map(r -> r.getLong(0)).sorted().toList();
  }

  private static String lastOperation(Path table) {
    return DeltaTable.forPath(spark, table.toString()).history(1).select("operation").first().getString(0);
  }

  private static List<Long> longs(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asLong).toList();
  }
}
