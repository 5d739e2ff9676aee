package org.patientinsight.quality.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Age samples, histograms and baselines for drift tests; public so the report module's
 * rendering tests build the same reports (quality publishes its test jar).
 */
public final class DriftFixtures {
  public static final AgeBins BINS = AgeBins.ofWidth(0.25);

  private DriftFixtures() {}

  /** n ages drawn uniformly from [lo, hi), rounded to quarter years. */
  public static Double[] uniform(Random r, int n, double lo, double hi) {
    return r.doubles(n, lo, hi).map(v -> Math.floor(v * 4) / 4).boxed().toArray(Double[]::new);
  }

  public static Double[] concat(Double[]... parts) {
    List<Double> all = new ArrayList<>();
    for (Double[] p : parts) {
      all.addAll(List.of(p));
    }
    return all.toArray(new Double[0]);
  }

  public static AgeHistograms histograms(Double[] overallExtra, Double[] male, Double[] female) {
    AgeHistogram m = AgeHistogram.of(BINS, male);
    AgeHistogram f = AgeHistogram.of(BINS, female);
    return new AgeHistograms(m.plus(f).plus(AgeHistogram.of(BINS, overallExtra)), m, f);
  }

  /** Baseline version 3, pinned from cases v1. */
  public static Baseline baseline(AgeHistograms h) {
    return new Baseline("cases", 3, Instant.parse("2026-11-01T00:00:00Z"), "cases", 1, h);
  }
}
