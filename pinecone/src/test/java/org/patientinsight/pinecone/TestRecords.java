package org.patientinsight.pinecone;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.patientinsight.core.vector.VectorRecord;

/** Case-like records for tests: unit vectors from a seed, metadata shaped like the cases table. */
final class TestRecords {
  static final int DIM = 384;

  private TestRecords() {}

  static float[] unitVector(long seed) {
    Random r = new Random(seed);
    float[] v = new float[DIM];
    double n = 0;
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) r.nextGaussian();
      n += v[i] * v[i];
    }
    for (int i = 0; i < DIM; i++) {
      v[i] /= (float) Math.sqrt(n);
    }
    return v;
  }

  static VectorRecord record(int i, double age, String gender, String snippet) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pmid", String.valueOf(30000000 + i));
    m.put("title", "Case report " + i);
    m.put("age_years", age);
    m.put("gender", gender);
    m.put("snippet", snippet);
    m.put("content_hash", Integer.toHexString(i * 7919));
    return new VectorRecord("uid-" + i, unitVector(i), m);
  }

  static String text(int chars, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(chars);
    while (sb.length() < chars) {
      sb.append((char) ('a' + r.nextInt(26)));
      if (r.nextInt(7) == 0) {
        sb.append(' ');
      }
    }
    return sb.substring(0, chars);
  }
}
