package org.patientinsight.jobs.dedup;

import java.util.Arrays;
import java.util.Locale;

/**
 * The set of hashed word shingles of one note, in one pass: lower-cased letter/digit runs are
 * the words, each run of {@code words} consecutive words is hashed (per-word hashes combined,
 * no shingle string is built) into one of {@code buckets}. MLlib's NGram + HashingTF give the
 * same kind of set but build every shingle as a string through Scala streams; at 167k notes
 * of ~400 words that was the near-duplicate stage's hot spot (jstack on the benchmark).
 */
public final class ShingleHasher {
  private ShingleHasher() {
  }

  /** Sorted distinct bucket indices; empty when the note has fewer than {@code words} words. */
  public static int[] of(String note, int words, int buckets) {
    if (note == null) {
      return new int[0];
    }
    long[] wordHashes = new long[Math.max(16, note.length() / 4)];
    int n = 0;
    int start = -1;
    String lower = note.toLowerCase(Locale.ROOT);
    for (int i = 0; i <= lower.length(); i++) {
      boolean inWord = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        if (n == wordHashes.length) {
          wordHashes = Arrays.copyOf(wordHashes, n * 2);
        }
        wordHashes[n++] = mix(lower.substring(start, i).hashCode() * 0x9E3779B97F4A7C15L + (i - start));
        start = -1;
      }
    }
    if (n < words) {
      return new int[0];
    }
    int[] out = new int[n - words + 1];
    for (int i = 0; i + words <= n; i++) {
      long h = 0;
      for (int k = 0; k < words; k++) {
        h = mix(h * 31 + wordHashes[i + k]);
      }
      out[i] = (int) Math.floorMod(h, (long) buckets);
    }
    Arrays.sort(out);
    int m = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[m++] = out[i];
      }
    }
    return Arrays.copyOf(out, m);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
