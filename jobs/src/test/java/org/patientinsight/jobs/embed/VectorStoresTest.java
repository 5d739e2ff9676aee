package org.patientinsight.jobs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

class VectorStoresTest {
  @TempDir
  Path dir;

  private Settings settings(Map<String, String> more) {
    Map<String, String> all = new java.util.HashMap<>(more);
    all.put("warehouse", dir.toString());
    return Settings.defaults().with(all);
  }

  @Test
  void localIsTheDefaultAndLivesUnderTheWarehouse() {
    try (OpenedStore s = VectorStores.open(settings(Map.of()), Map.of())) {
      assertEquals("local", s.name());
      assertEquals("local:" + dir.resolve("vector_index").toAbsolutePath().normalize(), s.ledgerKey());
      assertTrue(s.indexesText(), "the local index keeps the note for BM25");
      assertEquals(0, s.store().count());
    }
  }

  /** Sync's side of serving's ServeFindsSyncedIndexTest: vector.local.dir is where the index goes. */
  @Test
  void vectorLocalDirMovesTheIndexOutOfTheWarehouse() {
    Path elsewhere = dir.resolve("indexes/cases-v1");
    try (OpenedStore s = VectorStores.open(settings(Map.of("vector.local.dir", elsewhere.toString())), Map.of())) {
      assertEquals("local:" + elsewhere.toAbsolutePath().normalize(), s.ledgerKey());
    }
    assertTrue(java.nio.file.Files.isDirectory(elsewhere));
    assertTrue(!java.nio.file.Files.exists(dir.resolve("vector_index")));
  }

  @Test
  void pineconeWithoutItsApiKeyFailsNamingTheVariable() {
    ConfigException e = assertThrows(ConfigException.class, () -> VectorStores.open(
        settings(Map.of("vector.store", "Pinecone", "pinecone.host", "127.0.0.1:1")), Map.of()));
    assertTrue(e.getMessage().contains("PINECONE_API_KEY"), e.getMessage());
  }

  @Test
  void noneHasNothingToSyncAndSaysSo() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> VectorStores.open(settings(Map.of("vector.store", "none")), Map.of()));
    assertTrue(e.getMessage().contains("vector.store") && e.getMessage().contains("none"),
        e.getMessage());
    assertEquals("none", VectorStores.configuredName(settings(Map.of("vector.store", "NONE"))));
  }

  @Test
  void anUnknownStoreFailsNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> VectorStores.open(settings(Map.of("vector.store", "elastic")), Map.of()));
    assertTrue(e.getMessage().contains("vector.store"), e.getMessage());
  }
}
