package org.patientinsight.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.embed.TextEmbedder;
import org.patientinsight.core.vector.LocalStoreSettings;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.VectorRecord;
import org.patientinsight.serving.http.ApiKeyAuth;

/**
 * The index sync writes is the index serve opens, on the same settings: with
 * {@code vector.local.dir} pointing away from the warehouse, serve must not look in
 * {@code <warehouse>/vector_index} (it once did, and found nothing). The writer here opens the
 * store exactly as the jobs' sync does ({@code LocalVectorStore.open(LocalStoreSettings.from(settings))},
 * see jobs' VectorStoresTest for that side); the reader is serve's real components and HTTP API.
 */
class ServeFindsSyncedIndexTest {

  @Test
  void serveOpensTheDirectoryVectorLocalDirNames() throws Exception {
    Path root = Files.createTempDirectory("synced-elsewhere");
    Path warehouse = root.resolve("warehouse");
    Path index = root.resolve("indexes/cases-v1");
    Settings settings = Settings.load(null, Map.of(), Map.of("warehouse", warehouse.toString(),
        "vector.local.dir", index.toString(), "serving.port", "0",
        "serving.retrieval_mode", "hybrid")); // both the vectors and the BM25 text of the index
    TextEmbedder embedder = MiniLmEmbedder.shared();
    try (LocalVectorStore sync = LocalVectorStore.open(LocalStoreSettings.from(settings))) {
      sync.upsert(List.of(
          new VectorRecord("77-1", embedder.embed("fever, neck stiffness and photophobia in a student"),
              Map.of("title", "Meningitis in a student", "pmid", "77",
                  "text", "fever, neck stiffness and photophobia in a student")),
          new VectorRecord("78-1", embedder.embed("hip fracture after a fall at home"),
              Map.of("title", "Hip fracture in an older woman", "pmid", "78",
                  "text", "hip fracture after a fall at home"))));
    }
    assertTrue(Files.isDirectory(index));
    assertFalse(Files.exists(warehouse.resolve("vector_index")));

    try (ServingComponents c = ServingComponents.build(settings, Map.of(), embedder,
        ApiKeyAuth.fromHashes(ApiKeyAuth.sha256Hex("k")))) {
      c.embedder().embed("warm-up"); // as ServeMain does before it says ready
      c.readiness().embedderLoaded();
      int port = c.server().start().port();
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v1/search"))
              .header("Authorization", "Bearer k").header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"symptoms\":\"fever with neck stiffness and photophobia\",\"topK\":1}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"77-1\""), r.body());
    }
  }
}
