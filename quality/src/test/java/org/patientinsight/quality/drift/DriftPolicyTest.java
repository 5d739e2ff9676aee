package org.patientinsight.quality.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

class DriftPolicyTest {
  private static final DriftPolicy P = DriftPolicy.defaults();

  static DriftFigures figures(long nBatch, double d, double psi) {
    return new DriftFigures(1000, nBatch, 1000, nBatch, d, 0.01, psi, 0.1, 40, 38, -2, -5, 40, 38, -2, -5, 0, 0);
  }

  @Test
  void ksOrPsiAtThresholdAlerts() {
    assertTrue(P.decide(figures(500, 0.15, 0.0)).alert());
    assertTrue(P.decide(figures(500, 0.01, 0.25)).alert());
    DriftDecision none = P.decide(figures(500, 0.1499, 0.0999));
    assertFalse(none.alert());
    assertFalse(none.warning());
    assertTrue(none.reasons().isEmpty());
  }

  @Test
  void psiBetweenWarnAndAlertWarns() {
    DriftDecision d = P.decide(figures(500, 0.05, 0.10));
    assertFalse(d.alert());
    assertTrue(d.warning());
    assertEquals("PSI 0.1000 in [0.10, 0.25)", d.reasons().get(0));
  }

  @Test
  void smallBatchIsReportedButNeverAlerts() {
    DriftDecision d = P.decide(figures(199, 0.9, 5.0));
    assertFalse(d.alert());
    assertFalse(d.warning());
    assertTrue(d.reasons().get(d.reasons().size() - 1)
        .contains("batch has 199 rows with an age (< 200 minimum): reported, never alerting"), d.reasons().toString());
    assertTrue(P.decide(figures(200, 0.9, 5.0)).alert());
  }

  @Test
  void emptyBatchSaysSo() {
    DriftFigures f = DriftFigures.compare(AgeHistogram.of(AgeBins.ofWidth(0.25), 3.0),
        AgeHistogram.of(AgeBins.ofWidth(0.25), (Double) null));
    DriftDecision d = P.decide(f);
    assertFalse(d.alert());
    assertEquals("batch has no rows with an age; no statistics", d.reasons().get(0));
    assertEquals(1.0, f.missingShareBatch());
  }

  @Test
  void readsSettingsAndNamesBadKeys() {
    Settings s = Settings.defaults();
    assertEquals(P, DriftPolicy.fromSettings(s));
    assertEquals(480, DriftPolicy.binsFromSettings(s).regularBins());
    ConfigException e = assertThrows(ConfigException.class,
        () -> DriftPolicy.fromSettings(s.with(Map.of("drift.psi_warn", "0.3"))));
    assertEquals("drift.psi_alert", e.key());
    e = assertThrows(ConfigException.class, () -> DriftPolicy.fromSettings(s.with(Map.of("drift.ks_d_alert", "1.5"))));
    assertEquals("drift.ks_d_alert", e.key());
    e = assertThrows(ConfigException.class, () -> DriftPolicy.binsFromSettings(s.with(Map.of("drift.bin_width_years", "0.3"))));
    assertEquals("drift.bin_width_years", e.key());
  }
}
