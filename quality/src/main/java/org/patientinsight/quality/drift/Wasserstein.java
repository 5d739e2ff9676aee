package org.patientinsight.quality.drift;

/**
 * First Wasserstein (earth mover's) distance between two age histograms, and its normalised
 * form W / σ(reference) that Evidently uses for numeric columns with more than 1,000 reference
 * rows (threshold 0.1): unlike the KS p-value it does not flag trivial shifts just because the
 * samples are large, and unlike KS D it grows with how far the mass moved.
 *
 * <p>W₁ = ∫ |F₁(x) − F₂(x)| dx. On the fine bins each ECDF is constant inside a bin when every
 * age lies on a bin's lower edge (whole or quarter years with 0.25-year bins), so
 * W₁ = Σ |F₁(i) − F₂(i)| · width over the regular bins, exactly; ages in the overflow bin count
 * as 120. The reference σ (population form, as numpy's {@code std}) is taken over the bins'
 * lower edges for the same reason.
 */
public final class Wasserstein {
  private Wasserstein() {
  }

  /** W₁ in years; NaN if either side is empty. */
  public static double distance(AgeHistogram a, AgeHistogram b) {
    a.requireSameBins(b);
    if (a.count() == 0 || b.count() == 0) {
      return Double.NaN;
    }
    double[] fa = a.cdf();
    double[] fb = b.cdf();
    double w = 0;
    AgeBins bins = a.bins();
    for (int i = 0; i < bins.regularBins(); i++) {
      w += Math.abs(fa[i] - fb[i]) * bins.width();
    }
    return w;
  }

  /** Population standard deviation of the ages (bin lower edges, overflow at 120); NaN if empty. */
  public static double std(AgeHistogram h) {
    if (h.count() == 0) {
      return Double.NaN;
    }
    AgeBins bins = h.bins();
    double n = h.count();
    double mean = 0;
    for (int i = 0; i < bins.size(); i++) {
      mean += h.binCount(i) * value(bins, i);
    }
    mean /= n;
    double ss = 0;
    for (int i = 0; i < bins.size(); i++) {
      double d = value(bins, i) - mean;
      ss += h.binCount(i) * d * d;
    }
    return Math.sqrt(ss / n);
  }

  /**
   * W₁ / σ(reference). NaN when either side is empty or the reference has no spread (every
   * age the same): then there is no scale to normalise by, and the caller falls back to KS.
   */
  public static double normalised(AgeHistogram reference, AgeHistogram current) {
    double w = distance(reference, current);
    double s = std(reference);
    return Double.isNaN(w) || !(s > 0) ? Double.NaN : w / s;
  }

  private static double value(AgeBins bins, int i) {
    return i == bins.overflowIndex() ? AgeBins.MAX_AGE : bins.lowerEdge(i);
  }
}
