package org.patientinsight.core.embed;

import java.nio.FloatBuffer;

/**
 * sentence-transformers' pooling for all-MiniLM-L6-v2: the mean of the token vectors where the
 * attention mask is 1, then L2 normalisation (so a dot product is a cosine).
 */
final class MeanPooling {
  private MeanPooling() {}

  /**
   * Pools row {@code row} of a {@code [batch, seqLen, dim]} hidden-state tensor, read from a
   * flat row-major buffer, and returns its unit-length mean vector.
   */
  static float[] poolAndNormalise(FloatBuffer hidden, int row, int seqLen, int dim,
      long[] attentionMask) {
    double[] sum = new double[dim];
    int counted = 0;
    int base = row * seqLen * dim;
    for (int t = 0; t < seqLen && t < attentionMask.length; t++) {
      if (attentionMask[t] == 0) {
        continue;
      }
      counted++;
      int off = base + t * dim;
      for (int d = 0; d < dim; d++) {
        sum[d] += hidden.get(off + d);
      }
    }
    // sentence-transformers clamps the token count at 1e-9; no tokens cannot happen with
    // [CLS]/[SEP] always present, but keep the guard so a bad mask never divides by zero
    double n = Math.max(counted, 1e-9);
    float[] out = new float[dim];
    for (int d = 0; d < dim; d++) {
      out[d] = (float) (sum[d] / n);
    }
    return normalise(out);
  }

  /** Scales in place to unit L2 norm (a zero vector stays zero, as torch's F.normalize does). */
  static float[] normalise(float[] v) {
    double sq = 0;
    for (float x : v) {
      sq += (double) x * x;
    }
    double norm = Math.max(Math.sqrt(sq), 1e-12);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / norm);
    }
    return v;
  }
}
