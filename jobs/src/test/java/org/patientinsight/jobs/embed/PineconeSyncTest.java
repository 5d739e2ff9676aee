package org.patientinsight.jobs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.tables.DeltaTable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.vector.ScoredMatch;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunIdentity;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;

/**
 * The sync stage against Pinecone: the real (shaded) Pinecone client, as the job ships it,
 * talking gRPC to the pinecone module's fake index, run as its own process on 127.0.0.1
 * (its unshaded gRPC cannot share a JVM with Spark). Needs the packaged pinecone jar, as
 * {@code ./test} (mvn verify) provides.
 */
class PineconeSyncTest {
  private static final String KEY = "test-pinecone-key";
  static Process fake;
  static String host;

  @TempDir
  Path dir;

  @BeforeAll
  static void startFakePinecone() throws Exception {
    SharedSpark.get();
    Path build = Path.of(System.getProperty("pi.pinecone.build", "../pinecone/target"));
    Path cpFile = build.resolve("fake-server.classpath");
    assertTrue(Files.exists(cpFile), "no " + cpFile + ": build the pinecone module's tests first (./test)");
    String cp = build.resolve("test-classes") + java.io.File.pathSeparator + Files.readString(cpFile).strip();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    fake = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, "org.patientinsight.pinecone.FakePineconeServerMain",
        "384", KEY).redirectError(ProcessBuilder.Redirect.appendTo(
            Path.of(System.getProperty("java.io.tmpdir"), "fake-pinecone.log").toFile())).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertTrue(line != null && line.startsWith("PORT "), "fake Pinecone did not start: " + line);
    host = "127.0.0.1:" + line.substring(5).strip();
  }

  @AfterAll
  static void stopFakePinecone() throws Exception {
    fake.getOutputStream().close();
    if (!fake.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
      fake.destroy();
    }
  }

  private Settings pinecone(Path warehouse) {
    return Settings.defaults().with(Map.of(
        "warehouse", warehouse.toString(),
        "vector.store", "pinecone",
        "pinecone.host", host,
        "pinecone.tls", "false",
        "pinecone.namespace", "cases-" + dir.getFileName(),
        "tracking.enabled", "false"));
  }

  private SyncResult sync(Settings settings, String runId) {
    RunIdentity summary = new RunIdentity(runId, "sync", null, settings.get("warehouse"), Instant.now());
    RunContext ctx = new RunContext(SharedSpark.get(), settings, summary);
    OpenedStore store = PineconeStores.open(settings, Map.of("PINECONE_API_KEY", KEY));
    try {
      return new SyncStage(ctx).run(store);
    } finally {
      store.store().close();
    }
  }

  @Test
  void syncPushesChangesAndDeletesRemovedCasesInPinecone() throws Exception {
    CliRun cli = new CliRun(dir);
    Path csv = new RawCsv()
        .row("8000001-1", RawCsv.note(61, "F", "Severe pneumonia treated with ceftriaxone."), "[[61.0, 'year']]", "F")
        .row("8000001-2", RawCsv.note(7, "M", "Fractured forearm after a fall from a tree."), "[[7.0, 'year']]", "M")
        .row("8000002-1", RawCsv.note(45, "M", "Acute myocardial infarction treated with PCI."), "[[45.0, 'year']]", "M")
        .write(dir.resolve("in/a.csv"));
    JsonNode ingested = cli.run(0, "ingest", "p1", "--input", csv.toString());
    assertEquals("SUCCEEDED", ingested.path("status").asText(), ingested.toString());
    JsonNode embedded = cli.run(0, "embed", "p2");
    assertEquals(3, embedded.path("counts").path("embedded").asLong(), embedded.toString());

    Settings settings = pinecone(cli.warehouse());
    SyncResult first = sync(settings, "p3");
    assertEquals(3, first.upserted());
    assertEquals(0, first.deleted());
    try (var store = org.patientinsight.pinecone.PineconeVectorStore.open(settings, Map.of("PINECONE_API_KEY", KEY))) {
      assertEquals(3, store.count());
      float[] q = MiniLmEmbedder.shared().embed("heart attack treated with a coronary stent");
      List<ScoredMatch> hits = store.query(q, 3, SearchFilter.NONE);
      assertEquals("8000002-1", hits.get(0).id(), "the vectors in Pinecone are the cases' embeddings");
      assertTrue(!hits.get(0).metadata().containsKey("text"), "the note text stays out of Pinecone");
      assertEquals("M", hits.get(0).metadata().get("gender"));
    }

    SyncResult again = sync(settings, "p4");
    assertEquals(0, again.upserted(), "nothing changed, nothing pushed");

    DeltaTable.forPath(SharedSpark.get(), cli.warehouse().resolve("cases").toString())
        .delete("patient_uid = '8000001-2'");
    SyncResult afterDelete = sync(settings, "p5");
    assertEquals(1, afterDelete.deleted(), "a case deleted from the table leaves the index");
    assertEquals(0, afterDelete.upserted());
    try (var store = org.patientinsight.pinecone.PineconeVectorStore.open(settings, Map.of("PINECONE_API_KEY", KEY))) {
      assertEquals(2, store.count());
    }
  }
}
