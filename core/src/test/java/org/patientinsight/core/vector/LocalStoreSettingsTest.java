package org.patientinsight.core.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

class LocalStoreSettingsTest {

  private static Settings with(Map<String, String> overrides) {
    return Settings.load(null, Map.of(), overrides);
  }

  @Test
  void anUnknownAnalyzerIsRefusedWhenSettingsLoad() {
    assertTrue(assertThrows(ConfigException.class,
        () -> Settings.defaults().with(Map.of("vector.local.text_analyzer", "klingon"))).getMessage()
        .contains("one of english, standard"));
  }

  @Test
  void defaultsToVectorIndexUnderALocalWarehouse() {
    LocalStoreSettings s = LocalStoreSettings.from(with(Map.of("warehouse", "/data/wh")));
    assertEquals(Path.of("/data/wh/vector_index"), s.dir());
    assertEquals(TextAnalysis.ENGLISH, s.textAnalysis());
    assertEquals(Path.of("/data/wh/vector_index"),
        LocalStoreSettings.from(with(Map.of("warehouse", "file:///data/wh"))).dir());
  }

  @Test
  void explicitDirAndAnalyzerWin() {
    LocalStoreSettings s = LocalStoreSettings.from(with(Map.of("vector.local.dir", "/x/idx",
        "vector.local.text_analyzer", "Standard")));
    assertEquals(Path.of("/x/idx"), s.dir());
    assertEquals(TextAnalysis.STANDARD, s.textAnalysis());
  }

  @Test
  void remoteWarehouseWithoutDirAndUnknownAnalyzerNameTheKey() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> LocalStoreSettings.from(with(Map.of("warehouse", "s3a://bucket/wh"))));
    assertEquals("vector.local.dir", e.key());
    ConfigException a = assertThrows(ConfigException.class, () -> LocalStoreSettings.from(
        with(Map.of("vector.local.text_analyzer", "klingon"))));
    assertEquals("vector.local.text_analyzer", a.key());
  }
}
