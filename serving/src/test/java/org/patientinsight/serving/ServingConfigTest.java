package org.patientinsight.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;
import org.patientinsight.serving.config.ServingConfig;
import org.patientinsight.serving.retrieval.RetrievalMode;

class ServingConfigTest {
  @Test
  void defaultsRunLocallyWithBm25AndExtractive() {
    ServingConfig c = ServingConfig.from(Settings.defaults().with(Map.of("warehouse", "/w")));
    assertEquals("127.0.0.1", c.bind());
    assertEquals(RetrievalMode.BM25, c.retrievalMode());
    assertEquals("extractive", c.generator());
    assertEquals(3, c.topKDefault());
    assertEquals(0.5, c.lowScoreThreshold());
    assertEquals(Path.of("/w/analyses"), c.analysesDir());
    assertEquals(Path.of("/w/vector_index"), c.vectorIndexDir());
  }

  @Test
  void badValuesNameTheKey() {
    assertEquals("serving.retrieval_mode", assertThrows(ConfigException.class, () -> ServingConfig.from(
        Settings.defaults().with(Map.of("serving.retrieval_mode", "fuzzy")))).key());
    assertEquals("serving.retrieval_mode", assertThrows(ConfigException.class, () -> ServingConfig.from(
        Settings.defaults().with(Map.of("vector.store", "pinecone")))).key());
    assertEquals("vector.store", assertThrows(ConfigException.class, () -> ServingConfig.from(
        Settings.defaults().with(Map.of("vector.store", "none")))).key());
    assertEquals("serving.top_k_default", assertThrows(ConfigException.class, () -> ServingConfig.from(
        Settings.defaults().with(Map.of("serving.top_k_default", "50")))).key());
    assertEquals("serving.generator", assertThrows(ConfigException.class, () -> ServingConfig.from(
        Settings.defaults().with(Map.of("serving.generator", "gpt")))).key());
  }

  @Test
  void anS3WarehouseNeedsALocalAnalysesDirForTheFileStore() {
    Settings s3 = Settings.defaults().with(Map.of("warehouse", "s3a://lake/wh",
        "vector.local.dir", "/srv/index"));
    ConfigException e = assertThrows(ConfigException.class, () -> ServingConfig.from(s3));
    assertEquals("serving.analyses_dir", e.key());
    assertEquals(true, e.getMessage().contains("s3a://lake/wh"), e.getMessage());
    assertEquals(Path.of("/srv/analyses"),
        ServingConfig.from(s3.with(Map.of("serving.analyses_dir", "/srv/analyses"))).analysesDir());
    // no file store, no directory needed
    ServingConfig pg = ServingConfig.from(s3.with(Map.of("serving.analyses.store", "postgres")));
    assertEquals(null, pg.analysesDir());
    assertEquals(Path.of("/srv/index"), pg.vectorIndexDir());
  }

  @Test
  void sagemakerWithoutEndpointNameFailsClearly() {
    Settings s = Settings.defaults();
    var e = assertThrows(RuntimeException.class,
        () -> ServingComponents.generator("sagemaker", s, Map.of()));
    assertEquals(true, e.getMessage().contains("serving.sagemaker.endpoint"));
  }
}
