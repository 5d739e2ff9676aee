package org.patientinsight.quality.drift;

/**
 * The fine bin layout of an age histogram: bins of {@code width} years over [0, 120), each
 * half-open [lo, lo + width), plus one overflow bin for ages of 120 and more (index
 * {@link #overflowIndex()}; real case reports of people over 120 are data errors, but we keep
 * them visible instead of folding them into the last real bin). Null ages are "missing";
 * negative, NaN and infinite ages are "invalid"; neither enters the distribution.
 *
 * <p>The same index formula runs in Spark ({@link AgeHistogramAggregator}) and here, both as
 * IEEE-754 {@code floor(age / width)}, so a value lands in the same bin on either side.
 */
public final class AgeBins {
  public static final double MAX_AGE = 120.0;
  public static final int MISSING = -1;
  public static final int INVALID = -2;

  private final double width;
  private final int bins;

  private AgeBins(double width) {
    if (!(width > 0) || width > 1) {
      throw new IllegalArgumentException("drift.bin_width_years must be in (0, 1], got " + width);
    }
    double perYear = 1.0 / width;
    if (Math.abs(perYear - Math.rint(perYear)) > 1e-9) {
      // PSI band edges are whole years; they must fall on fine-bin edges
      throw new IllegalArgumentException("drift.bin_width_years must divide one year evenly (1/width whole), got "
          + width);
    }
    this.width = width;
    this.bins = (int) Math.rint(MAX_AGE * perYear);
  }

  public static AgeBins ofWidth(double widthYears) {
    return new AgeBins(widthYears);
  }

  public double width() {
    return width;
  }

  /** Number of regular bins (480 for 0.25-year bins); the overflow bin comes after them. */
  public int regularBins() {
    return bins;
  }

  public int overflowIndex() {
    return bins;
  }

  /** Regular bins plus the overflow bin. */
  public int size() {
    return bins + 1;
  }

  /** Bin index of an age, or {@link #MISSING} / {@link #INVALID}. */
  public int indexOf(Double age) {
    if (age == null) {
      return MISSING;
    }
    double a = age;
    if (Double.isNaN(a) || Double.isInfinite(a) || a < 0) {
      return INVALID;
    }
    if (a >= MAX_AGE) {
      return bins;
    }
    return (int) Math.min(Math.floor(a / width), bins);
  }

  public double lowerEdge(int index) {
    return index * width;
  }

  /** Upper edge; the overflow bin's is +infinity. */
  public double upperEdge(int index) {
    return index >= bins ? Double.POSITIVE_INFINITY : (index + 1) * width;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgeBins b && b.width == width;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(width);
  }

  @Override
  public String toString() {
    return bins + " bins of " + width + " y over [0, " + MAX_AGE + ") + overflow";
  }
}
