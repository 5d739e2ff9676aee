package org.patientinsight.quality.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.patientinsight.quality.drift.DriftFixtures.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class PsiAndJensenShannonTest {
  private static final AgeBins BINS = AgeBins.ofWidth(0.25);

  static Double[] repeat(int n, double age) {
    return Collections.nCopies(n, age).toArray(new Double[0]);
  }

  @Test
  void bandsAreThePaediatricBandsThenDecades() {
    assertEquals(List.of("0–1", "1–5", "5–12", "12–18", "18–30", "30–40", "40–50", "50–60", "60–70", "70–80",
        "80–90", "90–100", "100+"), PsiBands.labels());
    AgeHistogram h = AgeHistogram.of(BINS, 0.0, 0.99, 1.0, 4.75, 5.0, 11.9, 12.0, 17.99, 18.0, 29.9, 30.0, 99.99,
        100.0, 119.9, 130.0);
    assertArrayEquals(new long[] {2, 2, 2, 2, 2, 1, 0, 0, 0, 0, 0, 1, 3}, PsiBands.counts(h));
  }

  @Test
  void identicalDistributionsGiveZero() {
    AgeHistogram h = AgeHistogram.of(BINS, concat(repeat(30, 3.0), repeat(70, 45.5)));
    assertEquals(0.0, PopulationStabilityIndex.of(h, h), 1e-15);
    assertEquals(0.0, JensenShannon.distance(h, h), 1e-15);
  }

  @Test
  void psiMatchesHandComputation() {
    // baseline: 50 ages in 40–50 and 50 in 60–70 → shares p = (0.5, 0.5)
    // batch:    30 ages in 40–50 and 70 in 60–70 → shares q = (0.3, 0.7); other bands 0 on both sides
    // PSI = (0.3−0.5)·ln(0.3/0.5) + (0.7−0.5)·ln(0.7/0.5)
    //     = (−0.2)(−0.5108256) + (0.2)(0.3364722) = 0.1021651 + 0.0672944 = 0.1694596
    // (bands empty on both sides are floored to ε on both sides and add 0)
    AgeHistogram base = AgeHistogram.of(BINS, concat(repeat(50, 42.0), repeat(50, 61.25)));
    AgeHistogram batch = AgeHistogram.of(BINS, concat(repeat(30, 49.75), repeat(70, 60.0)));
    assertEquals(0.1694596, PopulationStabilityIndex.of(base, batch), 1e-7);
  }

  @Test
  void psiFloorsAnEmptyBandAtEpsilon() {
    // p = (0.5, 0.5, 0), q = (0.4, 0.4, 0.2), ε = 1e-4:
    // 2 · (0.4−0.5)·ln(0.4/0.5) = 2 · 0.0223144 = 0.0446287
    // (0.2−0.0001)·ln(0.2/0.0001) = 0.1999 · 7.6009025 = 1.5194204   → PSI = 1.5640491
    double psi = PopulationStabilityIndex.ofShares(new double[] {0.5, 0.5, 0}, new double[] {0.4, 0.4, 0.2});
    assertEquals(1.5640491, psi, 1e-7);
  }

  @Test
  void jensenShannonMatchesHandComputation() {
    // p = (0.5, 0.5), q = (0.3, 0.7), m = (0.4, 0.6)
    // KL(p‖m) = 0.5·log2(1.25) + 0.5·log2(0.8333) = 0.1609640 − 0.1315172 = 0.0294468
    // KL(q‖m) = 0.3·log2(0.75) + 0.7·log2(1.1667) = −0.1245112 + 0.1556745 = 0.0311633
    // JSD = ½(0.0294468 + 0.0311633) = 0.0303050 → distance √JSD = 0.1740837
    assertEquals(0.1740837, JensenShannon.distanceOfShares(new double[] {0.5, 0.5}, new double[] {0.3, 0.7}), 1e-7);
    // disjoint supports: JSD = 1 bit exactly
    assertEquals(1.0, JensenShannon.distanceOfShares(new double[] {1, 0}, new double[] {0, 1}), 1e-12);
  }

  @Test
  void paediatricFloodIsLarge() {
    AgeHistogram adults = AgeHistogram.of(BINS, concat(repeat(100, 35.0), repeat(100, 55.0), repeat(100, 70.0)));
    AgeHistogram kids = AgeHistogram.of(BINS, concat(repeat(150, 3.0), repeat(50, 35.0), repeat(50, 55.0),
        repeat(50, 70.0)));
    assertTrue(PopulationStabilityIndex.of(adults, kids) > 0.25);
    assertTrue(JensenShannon.distance(adults, kids) > 0.4);
  }
}
