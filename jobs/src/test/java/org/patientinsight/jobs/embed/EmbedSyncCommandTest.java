package org.patientinsight.jobs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.ScoredMatch;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.ConsoleRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;
import org.patientinsight.jobs.testing.Summaries;

/**
 * ingest → embed → sync through the CLI, with the real ONNX embedder and the local Lucene
 * store on disk: incremental (unchanged cases cost nothing, an edit costs one vector), deletes
 * follow the cases table, and a failed sync resumes without embedding again.
 */
class EmbedSyncCommandTest {
  static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.get();
  }

  private CliRun cli() {
    return new CliRun(dir); // warehouse dir/wh, MLflow under dir
  }

  private JsonNode succeeded(String command, String runId, String... extra) {
    JsonNode s = cli().run(0, command, runId, extra);
    assertEquals("SUCCEEDED", s.path("status").asText(), s.toString());
    return s;
  }

  private static RawCsv cases(String secondNoteExtra) {
    return new RawCsv()
        .row("3000001-1", RawCsv.note(58, "F", "Chest pain radiating to the left arm."),
            "[[58.0, 'year']]", "F")
        .row("3000001-2", RawCsv.note(8, "M", secondNoteExtra), "[[8.0, 'year']]", "M")
        .row("3000002-1", RawCsv.note(40, "M", "Painless jaundice and weight loss."),
            "[[40.0, 'year']]", "M");
  }

  private Path ingest(Path wh, String runId, RawCsv csv) throws Exception {
    Path input = csv.write(dir.resolve("in-" + runId + "/cases.csv"));
    succeeded("ingest", runId, "--input", input.toString());
    return input;
  }

  private static LocalVectorStore openIndex(Path wh) {
    return LocalVectorStore.openReadOnly(wh.resolve("vector_index"));
  }

  private Map<String, String> embeddedHashes(Path wh) {
    return spark.read().format("delta").load(wh.resolve("embeddings").toString())
        .collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("patient_uid"), r -> r.getAs("content_hash")));
  }

  @Test
  void incrementalEmbedAndSyncFollowTheCasesTable() throws Exception {
    Path wh = dir.resolve("wh");
    ingest(wh, "i1", cases("Seizures after a febrile illness."));

    JsonNode e1 = succeeded("embed", "e1");
    assertEquals(3, Summaries.count(e1, "embedded"));
    JsonNode section = e1.path("embedding");
    assertEquals(MiniLmEmbedder.MODEL_ID, section.path("model_id").asText());
    assertEquals("local", section.path("store").asText());
    assertTrue(section.path("texts_per_s").asDouble() > 0, section.toString());
    assertTrue(section.path("tokens_per_s").asDouble() > section.path("texts_per_s").asDouble());
    List<Row> vectors = spark.read().format("delta").load(wh.resolve("embeddings").toString())
        .collectAsList();
    assertEquals(3, vectors.size());
    for (Row r : vectors) {
      List<Float> v = r.getList(r.fieldIndex("vector"));
      assertEquals(384, v.size());
      double norm = Math.sqrt(v.stream().mapToDouble(f -> f * f).sum());
      assertEquals(1.0, norm, 1e-4);
    }

    JsonNode s1 = succeeded("sync", "s1");
    assertEquals(3, Summaries.count(s1, "upserted"));
    assertEquals(0, Summaries.count(s1, "deleted"));
    assertEquals(3, s1.path("vector_sync").path("store_count").asLong());
    try (LocalVectorStore index = openIndex(wh)) {
      assertEquals(3, index.count());
      // the vector of a case finds that case first, with the metadata serving shows
      Row first = vectors.stream().filter(r -> "3000002-1".equals(r.getAs("patient_uid")))
          .findFirst().orElseThrow();
      List<ScoredMatch> hits = index.query(toArray(first.getList(first.fieldIndex("vector"))), 3,
          SearchFilter.NONE);
      assertEquals("3000002-1", hits.get(0).id());
      assertEquals(1.0, hits.get(0).score(), 1e-3);
      Map<String, Object> md = hits.get(0).metadata();
      assertEquals("3000002", md.get("pmid"));
      assertEquals("M", md.get("gender"));
      assertEquals(40.0, ((Number) md.get("age_years")).doubleValue(), 1e-9);
      assertEquals(first.getAs("content_hash"), md.get("content_hash"));
      assertTrue(((String) md.get("snippet")).startsWith("A 40-year-old man"));
      assertFalse(md.containsKey("text"), "the note is indexed for BM25, not returned");
      assertEquals("3000002-1", index.searchText("jaundice", 1, SearchFilter.NONE).get(0).id());
    }

    // unchanged cases: nothing embedded, nothing upserted, no new table versions
    long embeddingsVersion = e1.path("table_versions").path("embeddings").asLong();
    JsonNode e2 = succeeded("embed", "e2");
    assertEquals(0, Summaries.count(e2, "embedded"));
    assertEquals(embeddingsVersion, e2.path("table_versions").path("embeddings").asLong());
    JsonNode s2 = succeeded("sync", "s2");
    assertEquals(0, Summaries.count(s2, "upserted"));
    assertEquals(0, Summaries.count(s2, "deleted"));
    assertEquals(s1.path("table_versions").path("vector_sync").asLong(),
        s2.path("table_versions").path("vector_sync").asLong());

    // one edited case: exactly one vector re-embedded and upserted
    Map<String, String> before = embeddedHashes(wh);
    ingest(wh, "i2", cases("Seizures after a febrile illness; MRI showed mesial temporal sclerosis."));
    JsonNode e3 = succeeded("embed", "e3");
    assertEquals(1, Summaries.count(e3, "embedded"));
    Map<String, String> after = embeddedHashes(wh);
    assertNotEquals(before.get("3000001-2"), after.get("3000001-2"));
    assertEquals(before.get("3000001-1"), after.get("3000001-1"));
    JsonNode s3 = succeeded("sync", "s3");
    assertEquals(1, Summaries.count(s3, "upserted"));
    try (LocalVectorStore index = openIndex(wh)) {
      assertEquals(3, index.count());
      ScoredMatch edited = index.searchText("sclerosis", 1, SearchFilter.NONE).get(0);
      assertEquals("3000001-2", edited.id());
      assertEquals(after.get("3000001-2"), edited.metadata().get("content_hash"));
    }

    // a case deleted from the table with SQL disappears from the index at the next sync
    DeltaTable.forPath(spark, wh.resolve("cases").toString()).delete("patient_uid = '3000001-1'");
    JsonNode s4 = succeeded("sync", "s4");
    assertEquals(1, Summaries.count(s4, "deleted"));
    assertEquals(0, Summaries.count(s4, "upserted"));
    try (LocalVectorStore index = openIndex(wh)) {
      assertEquals(2, index.count());
      assertTrue(index.searchText("chest pain radiating", 5, SearchFilter.NONE).stream()
          .noneMatch(m -> m.id().equals("3000001-1")));
    }
    assertFalse(embeddedHashes(wh).containsKey("3000001-1"), "its embedding is dropped too");
    assertEquals(Set.of("3000001-2", "3000002-1"), ledgerIds(wh));
    JsonNode e4 = succeeded("embed", "e4");
    assertEquals(0, Summaries.count(e4, "embedded"));
  }

  @Test
  void newCasesAreAppendedAndABatchWithAnEditIsMerged() throws Exception {
    Path wh = dir.resolve("wh");
    ingest(wh, "i1", cases("Seizures after a febrile illness."));
    JsonNode e1 = succeeded("embed", "e1");
    assertEquals("append", e1.path("embedding").path("write").asText(), "a first fill appends");

    // a later batch of new cases only: appended next to the vectors already there
    ingest(wh, "i2", new RawCsv().row("3000003-1",
        RawCsv.note(71, "F", "Acute confusion and fever after a urinary infection."),
        "[[71.0, 'year']]", "F"));
    JsonNode e2 = succeeded("embed", "e2");
    assertEquals(1, Summaries.count(e2, "embedded"));
    assertEquals("append", e2.path("embedding").path("write").asText());
    Map<String, String> afterNew = embeddedHashes(wh); // toMap fails on a duplicate uid
    assertEquals(Set.of("3000001-1", "3000001-2", "3000002-1", "3000003-1"), afterNew.keySet());

    // a new case and an edited one in the same batch: merged, one row per uid
    ingest(wh, "i3", new RawCsv()
        .row("3000004-1", RawCsv.note(33, "F", "Postpartum headache and blurred vision."),
            "[[33.0, 'year']]", "F")
        .row("3000002-1", RawCsv.note(40, "M", "Painless jaundice, weight loss and itching."),
            "[[40.0, 'year']]", "M"));
    JsonNode e3 = succeeded("embed", "e3");
    assertEquals(2, Summaries.count(e3, "embedded"));
    assertEquals("merge", e3.path("embedding").path("write").asText());
    assertTrue(e3.path("embedding").path("tokens").asLong() > 2, e3.toString());
    assertEquals(5, spark.read().format("delta").load(wh.resolve("embeddings").toString()).count());
    Map<String, String> afterMixed = embeddedHashes(wh);
    assertEquals(5, afterMixed.size());
    assertNotEquals(afterNew.get("3000002-1"), afterMixed.get("3000002-1"));
    assertEquals(afterNew.get("3000001-1"), afterMixed.get("3000001-1"));
    assertEquals("none", succeeded("embed", "e4").path("embedding").path("write").asText());
  }

  @Test
  void aFailedSyncResumesWithoutEmbeddingAgain() throws Exception {
    Path wh = dir.resolve("wh");
    ingest(wh, "i1", cases("Seizures after a febrile illness."));
    // sync before any embed: nothing to push, and the summary says why
    JsonNode early = succeeded("sync", "s0");
    assertEquals(0, Summaries.count(early, "upserted"));
    assertEquals(3, early.path("vector_sync").path("not_embedded").asLong());
    // a store name that does not exist is refused before Spark, naming the key; no run is made
    ConsoleRun badName = ConsoleRun.of("sync", "--warehouse", wh.toString(), "--run-id", "s0b",
        "--summary-json", dir.resolve("summary-s0b.json").toString(), "--set", "vector.store=elastic");
    assertEquals(2, badName.exitCode());
    assertTrue(badName.err().startsWith("error: configuration key 'vector.store' must be one of local, pinecone, none"),
        badName.err());
    assertFalse(Files.exists(dir.resolve("summary-s0b.json")));

    assertEquals(3, Summaries.count(succeeded("embed", "e1"), "embedded"));

    // the store cannot be opened: the sync fails after the vectors were paid for
    Path notADir = Files.writeString(dir.resolve("not-a-dir"), "x");
    JsonNode failed = cli().run(1, "sync", "s1", "--set", "vector.local.dir=" + notADir);
    assertEquals("FAILED", failed.path("status").asText(), failed.toString());
    assertEquals(3, embeddedHashes(wh).size(), "a failed sync keeps the embeddings");

    JsonNode e2 = succeeded("embed", "e2");
    assertEquals(0, Summaries.count(e2, "embedded"), "nothing is embedded twice");
    JsonNode s2 = succeeded("sync", "s2");
    assertEquals(3, Summaries.count(s2, "upserted"));
    try (LocalVectorStore index = openIndex(wh)) {
      assertEquals(3, index.count());
    }
  }

  @Test
  void anotherModelsVectorsAreEmbeddedAgainAndAWipedIndexIsRefilled() throws Exception {
    Path wh = dir.resolve("wh");
    ingest(wh, "i1", cases("Seizures after a febrile illness."));
    succeeded("embed", "e1");
    succeeded("sync", "s1");

    DeltaTable.forPath(spark, wh.resolve("embeddings").toString()).update(
        functions.expr("patient_uid = '3000002-1'"),
        Map.of("model_id", functions.lit("some-older-model")));
    assertEquals(1, Summaries.count(succeeded("embed", "e2"), "embedded"));
    assertEquals(1, Summaries.count(succeeded("sync", "s2"), "upserted"));

    // the index directory is removed behind the job's back: the next sync pushes everything
    try (var files = Files.walk(wh.resolve("vector_index"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    JsonNode s3 = succeeded("sync", "s3");
    assertTrue(s3.path("vector_sync").path("full_resync").asBoolean(), s3.toString());
    assertEquals(3, Summaries.count(s3, "upserted"));
    try (LocalVectorStore index = openIndex(wh)) {
      assertEquals(3, index.count());
    }
  }

  private Set<String> ledgerIds(Path wh) {
    return spark.read().format("delta").load(wh.resolve("vector_sync").toString())
        .collectAsList().stream().map(r -> r.<String>getAs("patient_uid")).collect(Collectors.toSet());
  }

  private static float[] toArray(List<Float> v) {
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }
}
