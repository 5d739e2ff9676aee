package org.patientinsight.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The integrations module's keys join the catalog and are checked from every layer. */
class IntegrationSettingsTest {

  @Test
  void loadingRefusesABadValueFromAnyLayerNamingIt() {
    assertEquals("configuration key 'tracking.enabled' must be true or false, got 'perhaps' (from environment)",
        assertThrows(ConfigException.class,
            () -> Settings.load(null, Map.of("PI_TRACKING_ENABLED", "perhaps"), Map.of())).getMessage());
    assertTrue(assertThrows(ConfigException.class,
        () -> Settings.load(null, Map.of(), Map.of("alerts.smtp.port", "70000"))).getMessage()
        .contains("'alerts.smtp.port' must be an integer in [1, 65535], got '70000' (from override)"));
    assertEquals(25, Settings.load(null, Map.of(), Map.of("alerts.smtp.port", "25")).getInt("alerts.smtp.port"));
    assertFalse(Settings.description("alerts.smtp.port").isBlank());
  }
}
