package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

class PineconeSettingsTest {

  private static final Map<String, String> ENV = Map.of("PINECONE_API_KEY", "pk-secret");

  private static Settings with(Map<String, String> overrides) {
    return Settings.load(null, Map.of(), overrides);
  }

  @Test
  void readsDefaultsAndSplitsTheBudgetAcrossWriters() {
    PineconeSettings s = PineconeSettings.fromSettings(with(Map.of(
        "pinecone.host", "https://idx-abc.svc.pinecone.io", "pinecone.writers", "4")), ENV);
    assertEquals("pk-secret", s.apiKey());
    assertEquals("cases", s.namespace());
    assertEquals(100, s.batchMaxVectors());
    assertEquals(1_800_000, s.batchMaxBytes());
    assertTrue(s.tls());
    assertEquals(2_000_000.0, s.perWriterBytesPerSecond(), 1e-6); // 8 MB/s over 4 writers
    assertFalse(s.toString().contains("pk-secret"));
  }

  @Test
  void environmentOverridesUsePrefixedNames() {
    Settings settings = Settings.load(null, Map.of("PI_PINECONE_HOST", "127.0.0.1:5081",
        "PI_PINECONE_TLS", "false"), Map.of());
    PineconeSettings s = PineconeSettings.fromSettings(settings, ENV);
    assertEquals("127.0.0.1:5081", s.host());
    assertFalse(s.tls());
  }

  @Test
  void missingApiKeyNamesTheVariable() {
    ConfigException e = assertThrows(ConfigException.class, () -> PineconeSettings.fromSettings(
        with(Map.of("pinecone.host", "h")), Map.of()));
    assertEquals("PINECONE_API_KEY", e.key());
  }

  @Test
  void missingHostAndIndexNamesTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> PineconeSettings.fromSettings(with(Map.of()), ENV));
    assertEquals("pinecone.host", e.key());
  }

  @Test
  void badValuesNameTheirKey() {
    assertBad("pinecone.batch.max_bytes", "3000000");
    assertBad("pinecone.batch.max_vectors", "1001");
    assertBad("pinecone.batch.max_vectors", "lots");
    assertBad("pinecone.upsert_mb_per_s", "60");
    assertBad("pinecone.upsert_mb_per_s", "0");
    assertBad("pinecone.writers", "0");
    assertBad("pinecone.deadline_ms", "0");
    assertBad("pinecone.retry.max_attempts", "0");
    assertBad("pinecone.tls", "maybe");
  }

  private static void assertBad(String key, String value) {
    ConfigException e = assertThrows(ConfigException.class, () -> PineconeSettings.fromSettings(
        with(Map.of("pinecone.host", "h", key, value)), ENV), key);
    assertEquals(key, e.key());
    assertTrue(e.getMessage().contains(key));
  }
}
