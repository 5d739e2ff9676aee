package org.patientinsight.quality.drift;

/**
 * Jensen–Shannon distance, base 2: √JSD with JSD = ½ KL(p‖m) + ½ KL(q‖m), m = (p+q)/2, so it lies
 * in [0, 1] (0 identical, 1 disjoint). Computed over the {@link PsiBands} rather than the fine
 * bins: over 480 quarter-year bins sampling noise alone would dominate it for batches of a few
 * hundred cases. Empty bands need no epsilon (0·log 0 = 0 and m &gt; 0 wherever p or q is).
 */
public final class JensenShannon {
  private JensenShannon() {
  }

  public static double distance(AgeHistogram a, AgeHistogram b) {
    a.requireSameBins(b);
    if (a.count() == 0 || b.count() == 0) {
      return Double.NaN;
    }
    return distanceOfShares(PsiBands.shares(PsiBands.counts(a)), PsiBands.shares(PsiBands.counts(b)));
  }

  public static double distanceOfShares(double[] p, double[] q) {
    if (p.length != q.length) {
      throw new IllegalArgumentException("Jensen–Shannon needs share vectors of equal length");
    }
    double jsd = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      jsd += 0.5 * term(p[i], m) + 0.5 * term(q[i], m);
    }
    return Math.sqrt(Math.max(0, Math.min(1, jsd)));
  }

  private static double term(double x, double m) {
    return x == 0 ? 0 : x * (Math.log(x / m) / Math.log(2));
  }
}
