package org.patientinsight.jobs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.core.embed.EmbeddingModel;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.ScoredMatch;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;
import org.patientinsight.jobs.testing.Summaries;

/**
 * embed.model: switching fp32 → int8 → fp32 re-embeds every case under the new model id, and
 * the next sync empties the local index and refills it, so the index never holds two models'
 * vectors; a bad value fails naming the key.
 */
class EmbedModelSwitchTest {
  static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.get();
  }

  private JsonNode succeeded(String command, String runId, String... extra) {
    JsonNode s = new CliRun(dir).run(0, command, runId, extra);
    assertEquals("SUCCEEDED", s.path("status").asText(), s.toString());
    return s;
  }

  private Set<String> modelIds(Path wh) {
    return spark.read().format("delta").load(wh.resolve("embeddings").toString())
        .select("model_id").distinct().collectAsList().stream().map(r -> r.getString(0))
        .collect(Collectors.toSet());
  }

  @Test
  void switchingTheModelReEmbedsAndRefillsTheIndexWithOneModelsVectors() throws Exception {
    Path wh = dir.resolve("wh");
    String note = RawCsv.note(58, "F", "Chest pain radiating to the left arm.");
    Path input = new RawCsv()
        .row("3100001-1", note, "[[58.0, 'year']]", "F")
        .row("3100001-2", RawCsv.note(8, "M", "Seizures after a febrile illness."),
            "[[8.0, 'year']]", "M")
        .row("3100002-1", RawCsv.note(40, "M", "Painless jaundice and weight loss."),
            "[[40.0, 'year']]", "M")
        .write(dir.resolve("in/cases.csv"));
    succeeded("ingest", "i1", "--input", input.toString());
    succeeded("embed", "e1");
    assertEquals(3, Summaries.count(succeeded("sync", "s1"), "upserted"));
    try (LocalVectorStore index = LocalVectorStore.openReadOnly(wh.resolve("vector_index"))) {
      assertEquals(MiniLmEmbedder.MODEL_ID, index.modelId());
    }

    String int8 = "embed.model=int8";
    JsonNode e2 = succeeded("embed", "e2", "--set", int8);
    assertEquals(3, Summaries.count(e2, "embedded"), "every case is embedded with int8");
    assertEquals(EmbeddingModel.INT8.modelId(), e2.path("embedding").path("model_id").asText());
    assertEquals(Set.of(EmbeddingModel.INT8.modelId()), modelIds(wh));
    JsonNode s2 = succeeded("sync", "s2", "--set", int8);
    assertTrue(s2.path("vector_sync").path("full_resync").asBoolean(), s2.toString());
    assertEquals(3, Summaries.count(s2, "upserted"));
    try (LocalVectorStore index = LocalVectorStore.openReadOnly(wh.resolve("vector_index"))) {
      assertEquals(EmbeddingModel.INT8.modelId(), index.modelId());
      assertEquals(3, index.count());
      // the stored vector is the int8 one: the int8 embedding of that note is an exact match
      float[] v = embeddingOf("3100001-1", wh);
      List<ScoredMatch> hits = index.query(v, 1, SearchFilter.NONE);
      assertEquals("3100001-1", hits.get(0).id());
      assertEquals(1.0, hits.get(0).score(), 1e-5);
      float[] fp32 = MiniLmEmbedder.shared().embed(cleanedNote("3100001-1", wh));
      assertTrue(dot(v, fp32) < 0.99999, "int8 and fp32 vectors differ");
      assertTrue(dot(v, MiniLmEmbedder.shared(EmbeddingModel.INT8)
          .embed(cleanedNote("3100001-1", wh))) > 0.99999);
    }
    // nothing changed since: no work
    assertEquals(0, Summaries.count(succeeded("embed", "e3", "--set", int8), "embedded"));
    JsonNode s3 = succeeded("sync", "s3", "--set", int8);
    assertEquals(0, Summaries.count(s3, "upserted"));
    assertFalse(s3.path("vector_sync").path("full_resync").asBoolean());

    // back to the default model: everything again, index refilled with fp32 vectors
    assertEquals(3, Summaries.count(succeeded("embed", "e4"), "embedded"));
    assertEquals(3, Summaries.count(succeeded("sync", "s4"), "upserted"));
    try (LocalVectorStore index = LocalVectorStore.openReadOnly(wh.resolve("vector_index"))) {
      assertEquals(MiniLmEmbedder.MODEL_ID, index.modelId());
      assertEquals(3, index.count());
    }

    // an unknown model is refused before Spark, naming the key (settings are checked at load)
    org.patientinsight.jobs.testing.ConsoleRun bad = org.patientinsight.jobs.testing.ConsoleRun.of("embed",
        "--warehouse", wh.toString(), "--set", "embed.model=int4");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("'embed.model' must be one of fp32, int8"), bad.err());
  }

  private float[] embeddingOf(String uid, Path wh) {
    Row r = spark.read().format("delta").load(wh.resolve("embeddings").toString())
        .filter("patient_uid = '" + uid + "'").select("vector").first();
    List<Float> v = r.getList(0);
    float[] out = new float[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }

  private String cleanedNote(String uid, Path wh) {
    return spark.read().format("delta").load(wh.resolve("cases").toString())
        .filter("patient_uid = '" + uid + "'").select("note").first().getString(0);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
