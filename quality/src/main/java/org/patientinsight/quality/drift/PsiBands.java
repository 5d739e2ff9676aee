package org.patientinsight.quality.drift;

import java.util.List;

/**
 * The fixed coarse age bands used for PSI and Jensen–Shannon: paediatric bands 0–1, 1–5,
 * 5–12, 12–18, then young adults 18–30 (one band, so the adult decades start on round ages),
 * then decades 30–40 … 90–100, and 100+ (which also takes the ≥ 120 overflow). Thirteen
 * bands, each half-open [lo, hi). Every edge is a whole year, so fine bins map onto bands
 * exactly.
 */
public final class PsiBands {
  /** Lower edges; the last band is open-ended. */
  static final double[] LOWER = {0, 1, 5, 12, 18, 30, 40, 50, 60, 70, 80, 90, 100};

  private PsiBands() {
  }

  public static int count() {
    return LOWER.length;
  }

  public static List<String> labels() {
    String[] out = new String[LOWER.length];
    for (int i = 0; i < LOWER.length; i++) {
      out[i] = i == LOWER.length - 1 ? fmt(LOWER[i]) + "+" : fmt(LOWER[i]) + "–" + fmt(LOWER[i + 1]);
    }
    return List.of(out);
  }

  /** Band index for an age ≥ 0. */
  static int bandOf(double age) {
    int b = 0;
    while (b + 1 < LOWER.length && age >= LOWER[b + 1]) {
      b++;
    }
    return b;
  }

  /** Counts per band, summed from a fine histogram (each fine bin lies inside one band). */
  public static long[] counts(AgeHistogram h) {
    long[] out = new long[LOWER.length];
    AgeBins bins = h.bins();
    for (int i = 0; i < bins.size(); i++) {
      out[bandOf(bins.lowerEdge(i))] += h.binCount(i);
    }
    return out;
  }

  /** Counts as shares of their total; all zeros when the total is zero. */
  public static double[] shares(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    double[] p = new double[counts.length];
    for (int i = 0; i < counts.length && n > 0; i++) {
      p[i] = counts[i] / (double) n;
    }
    return p;
  }

  private static String fmt(double d) {
    return Long.toString((long) d);
  }
}
