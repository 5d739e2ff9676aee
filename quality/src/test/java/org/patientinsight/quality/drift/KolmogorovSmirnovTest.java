package org.patientinsight.quality.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {
  private static final AgeBins BINS = AgeBins.ofWidth(0.25);

  static Double[] range(int from, int toExclusive) {
    Double[] a = new Double[toExclusive - from];
    for (int i = 0; i < a.length; i++) {
      a[i] = (double) (from + i);
    }
    return a;
  }

  /** D straight from raw samples: the largest |F1(x) − F2(x)| over every sample point x. */
  static double rawD(double[] a, double[] b) {
    double[] all = new double[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    double d = 0;
    for (double x : all) {
      double fa = Arrays.stream(a).filter(v -> v <= x).count() / (double) a.length;
      double fb = Arrays.stream(b).filter(v -> v <= x).count() / (double) b.length;
      d = Math.max(d, Math.abs(fa - fb));
    }
    return d;
  }

  @Test
  void identicalDistributionsGiveZeroAndPOne() {
    AgeHistogram h = AgeHistogram.of(BINS, range(0, 100));
    assertEquals(0.0, KolmogorovSmirnov.statistic(h, h));
    assertEquals(1.0, KolmogorovSmirnov.pValue(0.0, 100, 100));
  }

  @Test
  void knownShiftGivesTextbookDAndP() {
    // ages 0..99 vs 20..119 (100 each): at x = 19, F1 = 20/100 and F2 = 0, so D = 0.2.
    // n_e = 100·100/200 = 50, λ = √50 · 0.2 = √2 = 1.41421
    // Q_KS(λ) = 2(e^{−2λ²} − e^{−8λ²} + …) = 2(e^{−4} − e^{−16}) = 2(0.0183156 − 1.1e-7) = 0.036631
    // (the exact two-sample p is 0.03638, scipy ks_2samp method='exact')
    AgeHistogram a = AgeHistogram.of(BINS, range(0, 100));
    AgeHistogram b = AgeHistogram.of(BINS, range(20, 120));
    double d = KolmogorovSmirnov.statistic(a, b);
    assertEquals(0.2, d, 1e-12);
    assertEquals(0.036631, KolmogorovSmirnov.pValue(d, 100, 100), 5e-7);
  }

  @Test
  void unequalSamplesUseEffectiveN() {
    // n1 = 300, n2 = 500: n_e = 150000/800 = 187.5, λ = √187.5 · 0.1 = 1.369306
    // Q = 2(e^{−3.75} − e^{−15}) = 2(0.0235177 − 3.06e-7) = 0.047035
    assertEquals(0.047035, KolmogorovSmirnov.pValue(0.1, 300, 500), 5e-7);
  }

  @Test
  void survivalFunctionMatchesTabulatedValuesOnBothSidesOfTheSeriesSwitch() {
    // Kolmogorov distribution P(K > λ), tabulated (e.g. scipy.stats.kstwobign.sf)
    assertEquals(0.9999907, KolmogorovSmirnov.kolmogorovSurvival(0.3), 1e-7);
    assertEquals(0.9639452, KolmogorovSmirnov.kolmogorovSurvival(0.5), 1e-7);
    assertEquals(0.2699997, KolmogorovSmirnov.kolmogorovSurvival(1.0), 1e-7);
    assertEquals(0.1293900, KolmogorovSmirnov.kolmogorovSurvival(1.17), 1e-7);
    assertEquals(0.1177423, KolmogorovSmirnov.kolmogorovSurvival(1.19), 1e-7);
    assertEquals(0.0494859, KolmogorovSmirnov.kolmogorovSurvival(1.36), 1e-7); // the 5 % critical value
    assertEquals(0.0006709, KolmogorovSmirnov.kolmogorovSurvival(2.0), 1e-7);
    assertEquals(1.0, KolmogorovSmirnov.kolmogorovSurvival(0.0));
  }

  @Test
  void histogramDEqualsRawDWhenValuesLieOnBinEdges() {
    Random r = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      double[] a = r.doubles(150 + r.nextInt(100), 0, 90).map(v -> Math.floor(v * 4) / 4).toArray();
      double[] b = r.doubles(120 + r.nextInt(100), 5, 110).map(v -> Math.floor(v * 4) / 4).toArray();
      double hist = KolmogorovSmirnov.statistic(AgeHistogram.of(BINS, box(a)), AgeHistogram.of(BINS, box(b)));
      assertEquals(rawD(a, b), hist, 1e-12, "trial " + trial);
    }
  }

  @Test
  void histogramDNeverExceedsRawDForValuesInsideBins() {
    Random r = new Random(11);
    double[] a = r.doubles(300, 0, 90).toArray();
    double[] b = r.doubles(300, 3, 95).toArray();
    double raw = rawD(a, b);
    double hist = KolmogorovSmirnov.statistic(AgeHistogram.of(BINS, box(a)), AgeHistogram.of(BINS, box(b)));
    assertTrue(hist <= raw + 1e-12);
    assertTrue(raw - hist < 0.02, "within one bin's ECDF mass: raw " + raw + " hist " + hist);
  }

  @Test
  void emptySideIsUndefined() {
    AgeHistogram a = AgeHistogram.of(BINS, range(0, 10));
    assertTrue(Double.isNaN(KolmogorovSmirnov.statistic(a, AgeHistogram.empty(BINS))));
    assertTrue(Double.isNaN(KolmogorovSmirnov.pValue(Double.NaN, 10, 0)));
  }

  static Double[] box(double[] v) {
    return Arrays.stream(v).boxed().toArray(Double[]::new);
  }
}
