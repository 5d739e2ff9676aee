package org.patientinsight.quality.drift;

/**
 * PSI = Σ_b (q_b − p_b) · ln(q_b / p_b) over the {@link PsiBands}, with p the baseline's and q
 * the batch's shares. An empty band would make the log infinite, so each share is floored at
 * {@link #EPSILON} (1e-4, i.e. 0.01 %) without renormalising; the floor bounds one empty band's
 * contribution to about (share) · 9.2.
 */
public final class PopulationStabilityIndex {
  public static final double EPSILON = 1e-4;

  private PopulationStabilityIndex() {
  }

  public static double of(AgeHistogram baseline, AgeHistogram batch) {
    baseline.requireSameBins(batch);
    if (baseline.count() == 0 || batch.count() == 0) {
      return Double.NaN;
    }
    return ofShares(PsiBands.shares(PsiBands.counts(baseline)), PsiBands.shares(PsiBands.counts(batch)));
  }

  /** PSI of two share vectors of equal length (each summing to 1). */
  public static double ofShares(double[] expected, double[] actual) {
    if (expected.length != actual.length) {
      throw new IllegalArgumentException("PSI needs share vectors of equal length");
    }
    double psi = 0;
    for (int i = 0; i < expected.length; i++) {
      double p = Math.max(expected[i], EPSILON);
      double q = Math.max(actual[i], EPSILON);
      psi += (q - p) * Math.log(q / p);
    }
    return psi;
  }
}
