package org.patientinsight.quality.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fine histogram of ages (see {@link AgeBins}) with explicit missing and invalid counts and
 * the exact sum of the ages, so the mean is exact and every drift statistic can be recomputed
 * without the raw rows. Quantiles are interpolated linearly inside a bin, so they are exact to
 * within one bin width (0.25 years by default); a quantile falling in the overflow bin is
 * reported as 120.
 */
public final class AgeHistogram {
  public static final String SCHEMA = "patient-insight/age-histogram@1";
  /** The quantiles written to JSON and reports. */
  public static final double[] QUANTILES = {0.05, 0.25, 0.50, 0.75, 0.95};

  private final AgeBins bins;
  private final long[] counts;
  private final long missing;
  private final long invalid;
  private final double sum;
  private final long count;

  /** @param counts one count per bin of {@code bins}, overflow last (copied) */
  public AgeHistogram(AgeBins bins, long[] counts, long missing, long invalid, double sum) {
    this.bins = bins;
    if (counts.length != bins.size()) {
      throw new IllegalArgumentException("histogram has " + counts.length + " counts, layout needs " + bins.size());
    }
    long n = 0;
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("histogram counts must not be negative");
      }
      n += c;
    }
    if (missing < 0 || invalid < 0) {
      throw new IllegalArgumentException("missing/invalid counts must not be negative");
    }
    if (Double.isNaN(sum) || Double.isInfinite(sum) || n == 0 && sum != 0) {
      throw new IllegalArgumentException("age sum must be finite (and 0 for an empty histogram), got " + sum);
    }
    this.counts = counts.clone();
    this.missing = missing;
    this.invalid = invalid;
    this.sum = sum;
    this.count = n;
  }

  public static AgeHistogram empty(AgeBins bins) {
    return new AgeHistogram(bins, new long[bins.size()], 0, 0, 0);
  }

  /** Builds a histogram from individual ages (tests, small in-memory data). */
  public static AgeHistogram of(AgeBins bins, Double... ages) {
    long[] c = new long[bins.size()];
    long missing = 0;
    long invalid = 0;
    double sum = 0;
    for (Double a : ages) {
      int i = bins.indexOf(a);
      if (i == AgeBins.MISSING) {
        missing++;
      } else if (i == AgeBins.INVALID) {
        invalid++;
      } else {
        c[i]++;
        sum += a;
      }
    }
    return new AgeHistogram(bins, c, missing, invalid, sum);
  }

  public AgeBins bins() {
    return bins;
  }

  public long binCount(int index) {
    return counts[index];
  }

  /** Ages that entered the distribution. */
  public long count() {
    return count;
  }

  public long missing() {
    return missing;
  }

  public long invalid() {
    return invalid;
  }

  /** All rows seen: with an age, missing, or invalid. */
  public long rows() {
    return count + missing + invalid;
  }

  /** Share of rows without a usable age (missing or invalid); NaN with no rows. */
  public double missingShare() {
    return rows() == 0 ? Double.NaN : (missing + invalid) / (double) rows();
  }

  public double sum() {
    return sum;
  }

  /** Exact mean of the ages (from the carried sum); NaN when empty. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  public double median() {
    return quantile(0.5);
  }

  /** Quantile q ∈ [0, 1] by linear interpolation inside the bin holding rank q·n; NaN when empty. */
  public double quantile(double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
    }
    if (count == 0) {
      return Double.NaN;
    }
    double target = q * count;
    long before = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      if (before + counts[i] >= target) {
        if (i == bins.overflowIndex()) {
          return AgeBins.MAX_AGE;
        }
        double frac = (target - before) / counts[i];
        return bins.lowerEdge(i) + Math.max(0, frac) * bins.width();
      }
      before += counts[i];
    }
    return AgeBins.MAX_AGE;
  }

  /**
   * The empirical CDF just below each bin's upper edge: element i is the share of ages in bins
   * 0..i, i.e. P(age &lt; upperEdge(i)). The last element is 1 (NaN everywhere when empty).
   */
  public double[] cdf() {
    double[] f = new double[counts.length];
    long cum = 0;
    for (int i = 0; i < counts.length; i++) {
      cum += counts[i];
      f[i] = count == 0 ? Double.NaN : cum / (double) count;
    }
    return f;
  }

  /** Bin-wise sum, e.g. to combine batches or compare the whole table. */
  public AgeHistogram plus(AgeHistogram o) {
    requireSameBins(o);
    long[] c = counts.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += o.counts[i];
    }
    return new AgeHistogram(bins, c, missing + o.missing, invalid + o.invalid, sum + o.sum);
  }

  void requireSameBins(AgeHistogram o) {
    if (!bins.equals(o.bins)) {
      throw new IllegalArgumentException("histograms use different bins (" + bins + " vs " + o.bins
          + "); rebuild the baseline with drift.bin_width_years=" + o.bins.width());
    }
  }

  public Map<String, Double> quantiles() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (double q : QUANTILES) {
      out.put(String.format(java.util.Locale.ROOT, "p%02d", Math.round(q * 100)), quantile(q));
    }
    return out;
  }

  /** JSON with the layout, counts and (for readers) count, mean, median and quantiles. */
  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("schema", SCHEMA);
    n.put("bin_width_years", bins.width());
    n.put("max_age_years", AgeBins.MAX_AGE);
    n.put("count", count);
    n.put("missing", missing);
    n.put("invalid", invalid);
    n.put("sum_years", sum);
    putNumber(n, "mean", mean());
    ObjectNode q = n.putObject("quantiles");
    quantiles().forEach((k, v) -> putNumber(q, k, v));
    var arr = n.putArray("counts");
    Arrays.stream(counts).forEach(arr::add);
    return n;
  }

  /** Reads {@link #toJson()} output; derived figures are recomputed, not trusted. */
  public static AgeHistogram fromJson(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("age histogram JSON must be an object");
    }
    String schema = n.path("schema").asText("");
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("age histogram JSON has schema '" + schema + "', expected '" + SCHEMA + "'");
    }
    AgeBins bins = AgeBins.ofWidth(required(n, "bin_width_years").asDouble());
    JsonNode arr = required(n, "counts");
    if (!arr.isArray() || arr.size() != bins.size()) {
      throw new IllegalArgumentException("age histogram 'counts' must be an array of " + bins.size() + " numbers");
    }
    long[] c = new long[arr.size()];
    for (int i = 0; i < c.length; i++) {
      if (!arr.get(i).canConvertToLong()) {
        throw new IllegalArgumentException("age histogram 'counts[" + i + "]' is not an integer");
      }
      c[i] = arr.get(i).asLong();
    }
    return new AgeHistogram(bins, c, required(n, "missing").asLong(), n.path("invalid").asLong(0),
        required(n, "sum_years").asDouble());
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("age histogram JSON lacks '" + field + "'");
    }
    return v;
  }

  static void putNumber(ObjectNode n, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgeHistogram h && bins.equals(h.bins) && Arrays.equals(counts, h.counts)
        && missing == h.missing && invalid == h.invalid && Double.compare(sum, h.sum) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts) * 31 + Long.hashCode(missing);
  }

  @Override
  public String toString() {
    return "AgeHistogram[n=" + count + ", missing=" + missing + ", invalid=" + invalid + ", mean=" + mean() + "]";
  }
}
