package org.patientinsight.quality.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WassersteinTest {
  static final AgeBins BINS = AgeBins.ofWidth(0.25);

  @Test
  void matchesAHandComputedExample() {
    // reference {10, 20, 30, 40}, current {20, 30, 40, 50}: sorted pairs move 10 years each,
    // so W1 = (10+10+10+10)/4 = 10. Equivalently ∫|F1-F2| = 4 steps of 0.25 over 10 years each.
    AgeHistogram ref = AgeHistogram.of(BINS, 10.0, 20.0, 30.0, 40.0);
    AgeHistogram cur = AgeHistogram.of(BINS, 20.0, 30.0, 40.0, 50.0);
    assertEquals(10.0, Wasserstein.distance(ref, cur), 1e-12);
    // population sd of {10,20,30,40}: mean 25, squares 225+25+25+225 = 500, /4 = 125
    assertEquals(Math.sqrt(125), Wasserstein.std(ref), 1e-12);
    assertEquals(10.0 / Math.sqrt(125), Wasserstein.normalised(ref, cur), 1e-12); // 0.894427
  }

  @Test
  void unequalSizesAndPartialMoves() {
    // reference {0, 0, 10}, current {0, 10}: F_ref = 2/3 on [0,10), F_cur = 1/2 -> W = 10·(1/6)
    AgeHistogram ref = AgeHistogram.of(BINS, 0.0, 0.0, 10.0);
    AgeHistogram cur = AgeHistogram.of(BINS, 0.0, 10.0);
    assertEquals(10.0 / 6, Wasserstein.distance(ref, cur), 1e-12);
    assertEquals(Wasserstein.distance(ref, cur), Wasserstein.distance(cur, ref), 1e-12);
    // quarter-year ages are on bin edges too: {1.25} vs {1.75} is half a year
    assertEquals(0.5, Wasserstein.distance(AgeHistogram.of(BINS, 1.25), AgeHistogram.of(BINS, 1.75)), 1e-12);
  }

  @Test
  void undefinedWithoutDataOrSpread() {
    AgeHistogram empty = AgeHistogram.of(BINS);
    AgeHistogram one = AgeHistogram.of(BINS, 30.0, 30.0);
    assertTrue(Double.isNaN(Wasserstein.distance(empty, one)));
    assertTrue(Double.isNaN(Wasserstein.normalised(one, AgeHistogram.of(BINS, 40.0))), "sd 0: nothing to scale by");
    assertEquals(0.0, Wasserstein.distance(one, one), 0);
  }

  @Test
  void largeBaselineUsesWassersteinAndIgnoresATrivialKsShift() {
    // 20,000 vs 20,000 ages, the batch one year older: KS D ≈ 0.014 (p tiny at this size), W/sd ≈ 0.05
    java.util.Random r = new java.util.Random(5);
    Double[] a = r.doubles(20_000, 18, 90).map(Math::floor).boxed().toArray(Double[]::new);
    Double[] b = r.doubles(20_000, 19, 91).map(Math::floor).boxed().toArray(Double[]::new);
    DriftFigures f = DriftFigures.compare(AgeHistogram.of(BINS, a), AgeHistogram.of(BINS, b));
    DriftPolicy p = DriftPolicy.defaults();
    assertEquals("wasserstein", p.ageTest(f));
    assertTrue(f.ksP() < 0.05, "KS would call this significant: p=" + f.ksP());
    assertTrue(f.wassersteinNormed() < 0.1 && f.wassersteinNormed() > 0.03, String.valueOf(f.wassersteinNormed()));
    assertTrue(!p.decide(f).alert(), p.decide(f).reasons().toString());
    // ten years older is a real shift
    Double[] c = r.doubles(20_000, 28, 100).map(Math::floor).boxed().toArray(Double[]::new);
    DriftDecision d = p.decide(DriftFigures.compare(AgeHistogram.of(BINS, a), AgeHistogram.of(BINS, c)));
    assertTrue(d.alert());
    assertTrue(d.reasons().get(0).startsWith("Wasserstein "), d.reasons().toString());
  }
}
