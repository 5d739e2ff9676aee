package org.patientinsight.quality.drift;

import static org.patientinsight.quality.drift.DriftFixtures.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sex-share and completeness drift, and the first run that has nothing to compare. */
class DemographicDriftTest {
  static final AgeBins BINS = AgeBins.ofWidth(0.25);

  static AgeHistograms mix(Random r, int male, int female, int unknownSex, int missingAge) {
    AgeHistogram m = AgeHistogram.of(BINS, uniform(r, male, 18, 90));
    AgeHistogram f = AgeHistogram.of(BINS, uniform(r, female, 18, 90));
    Double[] nulls = new Double[missingAge];
    Arrays.fill(nulls, null);
    AgeHistogram other = AgeHistogram.of(BINS, uniform(r, unknownSex, 18, 90)).plus(
        AgeHistogram.of(BINS, nulls));
    return new AgeHistograms(m.plus(f).plus(other), m, f);
  }

  static Baseline baseline(AgeHistograms h) {
    return new Baseline("cases", 1, Instant.EPOCH, "cases", 0, h);
  }

  @Test
  void femaleShareMoveAlertsWithTheAgeCurveUnchanged() {
    Random r = new Random(7);
    Baseline b = baseline(mix(r, 500, 500, 0, 0));
    DriftReport rep = DriftReport.evaluate(b, mix(r, 200, 600, 0, 0), "batch", DriftPolicy.defaults());
    assertEquals(0.75, rep.demographics().femaleShareBatch(), 1e-12);
    assertEquals(0.25, rep.demographics().femaleShareChange(), 1e-12);
    assertTrue(rep.alert(), rep.reasons().toString());
    assertTrue(rep.reasons().contains("female share 50.0% -> 75.0% (change >= 10 points)"), rep.reasons().toString());
    assertFalse(rep.overallDecision().alert(), "the age test alone sees nothing");
    assertEquals("Demographic drift detected vs baseline cases@v1",
        rep.finding().orElseThrow().title());
  }

  @Test
  void completenessDropAlerts() {
    Random r = new Random(8);
    Baseline b = baseline(mix(r, 500, 500, 0, 0));
    // 200 of 1,000 rows lose their age, 200 lose their sex
    DriftReport rep = DriftReport.evaluate(b, mix(r, 300, 300, 200, 200), "batch", DriftPolicy.defaults());
    assertEquals(0.8, rep.demographics().ageCompletenessBatch(), 1e-12);
    assertEquals(0.6, rep.demographics().sexCompletenessBatch(), 1e-12);
    assertTrue(rep.alert());
    assertTrue(rep.reasons().stream().anyMatch(s -> s.startsWith("age completeness 100.0% -> 80.0%")));
    assertTrue(rep.reasons().stream().anyMatch(s -> s.startsWith("sex completeness 100.0% -> 60.0%")));
    Map<String, Object> m = rep.toSummaryMap();
    assertEquals(-0.2, (Double) m.get("age_completeness_change"), 1e-12);
  }

  @Test
  void sameMixRaisesNothing() {
    Random r = new Random(9);
    DriftReport rep = DriftReport.evaluate(baseline(mix(r, 500, 500, 20, 20)), mix(r, 480, 520, 20, 20), "batch",
        DriftPolicy.defaults());
    assertFalse(rep.alert());
    assertFalse(rep.demographicsDecision().alert());
  }

  @Test
  void aFirstRunSaysTheBaselineWasPinnedInsteadOfShowingZeros() {
    Random r = new Random(10);
    AgeHistograms h = mix(r, 300, 300, 0, 0);
    DriftReport rep = DriftReport.evaluate(baseline(h), h, "batch", DriftPolicy.defaults(), true);
    assertEquals("BASELINE", rep.verdict());
    assertFalse(rep.alert());
    assertEquals(java.util.List.of("baseline pinned from this batch — no comparison yet"), rep.reasons());
    Map<String, Object> m = rep.toSummaryMap();
    assertNull(m.get("ks_d"), "no zero that reads as 'no drift'");
    assertNull(m.get("psi"));
    assertEquals("baseline_pinned", m.get("comparison"));
    assertEquals(600L, m.get("n_batch"));
    assertTrue(rep.finding().isEmpty());
    // its console table and HTML view: DriftTextTest in the report module
  }
}
