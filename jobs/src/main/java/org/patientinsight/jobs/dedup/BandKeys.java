package org.patientinsight.jobs.dedup;

/**
 * Banded LSH on top of MLlib's MinHash signatures. MLlib's {@code MinHashLSH} joins on any one
 * equal min-hash (OR of single hashes), so two unrelated notes that share one common phrase
 * collide with probability ≈ their Jaccard on every table: on 167k notes that is tens of
 * millions of candidate pairs. Grouping the signature into {@code bands} bands of {@code rows}
 * hashes and keying on a whole band (AND inside a band, OR across bands) makes a pair with
 * Jaccard J a candidate with probability 1 − (1 − J^rows)^bands: with 12 × 3, 0.998 at J = 0.74
 * (5 % of words changed) and 1e-4 at J = 0.02 (unrelated notes).
 */
public final class BandKeys {
  private BandKeys() {
  }

  /** One 64-bit key per band from {@code bands × rows} min-hash values (band index mixed in). */
  public static long[] of(double[] minHashes, int bands, int rows) {
    if (minHashes.length < bands * rows) {
      throw new IllegalArgumentException("need " + bands * rows + " min-hashes, got " + minHashes.length);
    }
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = 0x9E3779B97F4A7C15L * (b + 1);
      for (int r = 0; r < rows; r++) {
        h = mix(h ^ (long) minHashes[b * rows + r]);
      }
      keys[b] = h;
    }
    return keys;
  }

  /** Probability that a pair with Jaccard {@code j} shares at least one band. */
  public static double candidateProbability(double j, int bands, int rows) {
    return 1 - Math.pow(1 - Math.pow(j, rows), bands);
  }

  // SplitMix64 finaliser: spreads the combined values over all 64 bits
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Jaccard similarity of two sorted, distinct index sets (a sparse binary vector's indices). */
  public static double jaccard(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 0;
    }
    int i = 0;
    int j = 0;
    int both = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        both++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return both / (double) (a.length + b.length - both);
  }
}
