package org.patientinsight.core.vector;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Made-up cases whose vectors are clustered the way sentence embeddings are (no patient data):
 * every vector shares a common direction, belongs to one of {@code topics} topics and one of
 * {@code subtopicsPerTopic} subtopics inside it, plus isotropic noise. With the weights below
 * unrelated cases have cosine ~0.1, cases of one topic ~0.4, of one subtopic ~0.65 — close to
 * all-MiniLM-L6-v2 on case reports, and much harder for HNSW than uniform random vectors
 * (many near-ties inside a subtopic). Record {@code i} is a pure function of (seed, i).
 */
final class ClusteredCases {
  private static final double COMMON = 0.35;
  private static final double TOPIC = 0.55;
  private static final double SUBTOPIC = 0.45;
  private static final double NOISE = 0.6;
  private static final String[] SHARED_WORDS = {"patient", "presented", "history", "treated",
      "examination", "showed", "pain", "fever", "admitted", "follow", "normal", "diagnosis"};

  private final int dim;
  private final long seed;
  private final float[] common;
  private final float[][] topicDirs;
  private final float[][] subtopicDirs;
  private final int subtopicsPerTopic;

  ClusteredCases(int dim, int topics, int subtopicsPerTopic, long seed) {
    this.dim = dim;
    this.seed = seed;
    this.subtopicsPerTopic = subtopicsPerTopic;
    Random rnd = new Random(seed);
    this.common = gaussianUnit(rnd, dim);
    this.topicDirs = new float[topics][];
    for (int t = 0; t < topics; t++) {
      topicDirs[t] = gaussianUnit(rnd, dim);
    }
    this.subtopicDirs = new float[topics * subtopicsPerTopic][];
    for (int s = 0; s < subtopicDirs.length; s++) {
      subtopicDirs[s] = gaussianUnit(rnd, dim);
    }
  }

  int dim() {
    return dim;
  }

  /** The i-th case: id "case-i", a clustered unit vector, age, sex and a topical note. */
  VectorRecord record(int i) {
    Random rnd = new Random(seed * 1_000_003L + i);
    int sub = rnd.nextInt(subtopicDirs.length);
    float[] v = vector(rnd, sub);
    Map<String, Object> md = new HashMap<>();
    md.put("pmid", Integer.toString(10_000_000 + i));
    md.put("title", "Synthetic case " + i);
    md.put("age_years", (double) rnd.nextInt(95));
    md.put("gender", rnd.nextBoolean() ? "F" : "M");
    md.put("snippet", "synthetic case " + i);
    md.put("content_hash", Integer.toHexString(i));
    md.put("text", note(rnd, sub));
    return new VectorRecord("case-" + i, v, md);
  }

  /** A query vector near a random subtopic (not one of the indexed vectors). */
  float[] query(Random rnd) {
    return vector(rnd, rnd.nextInt(subtopicDirs.length));
  }

  /** A vector query and a keyword query about the same random subtopic. */
  record PairedQuery(float[] vector, String text) {}

  PairedQuery pairedQuery(Random rnd) {
    int sub = rnd.nextInt(subtopicDirs.length);
    return new PairedQuery(vector(rnd, sub), textQuery(rnd, sub));
  }

  /** A keyword query of words from one subtopic's vocabulary. */
  private String textQuery(Random rnd, int sub) {
    return word(sub / subtopicsPerTopic, rnd.nextInt(8)) + " " + word(sub, 100 + rnd.nextInt(4))
        + " " + SHARED_WORDS[rnd.nextInt(SHARED_WORDS.length)];
  }

  private float[] vector(Random rnd, int sub) {
    float[] topic = topicDirs[sub / subtopicsPerTopic];
    float[] subDir = subtopicDirs[sub];
    double noiseScale = NOISE / Math.sqrt(dim);
    float[] v = new float[dim];
    double sq = 0;
    for (int d = 0; d < dim; d++) {
      double x = COMMON * common[d] + TOPIC * topic[d] + SUBTOPIC * subDir[d]
          + noiseScale * rnd.nextGaussian();
      v[d] = (float) x;
      sq += x * x;
    }
    float inv = (float) (1 / Math.sqrt(sq));
    for (int d = 0; d < dim; d++) {
      v[d] *= inv;
    }
    return v;
  }

  /** ~120 words: shared clinical words, the topic's and the subtopic's own terms. */
  private String note(Random rnd, int sub) {
    int topic = sub / subtopicsPerTopic;
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < 120; w++) {
      int kind = rnd.nextInt(10);
      if (kind < 6) {
        sb.append(SHARED_WORDS[rnd.nextInt(SHARED_WORDS.length)]);
      } else if (kind < 9) {
        sb.append(word(topic, rnd.nextInt(8)));
      } else {
        sb.append(word(sub, 100 + rnd.nextInt(4)));
      }
      sb.append(' ');
    }
    return sb.toString();
  }

  /** A made-up term (letters only, so analysis keeps it whole). */
  private static String word(int group, int k) {
    StringBuilder sb = new StringBuilder("t");
    int x = group * 131 + k;
    do {
      sb.append((char) ('a' + x % 26));
      x /= 26;
    } while (x > 0);
    return sb.append(k >= 100 ? "osis" : "itis").toString();
  }

  private static float[] gaussianUnit(Random rnd, int dim) {
    float[] v = new float[dim];
    double sq = 0;
    for (int d = 0; d < dim; d++) {
      v[d] = (float) rnd.nextGaussian();
      sq += (double) v[d] * v[d];
    }
    float inv = (float) (1 / Math.sqrt(sq));
    for (int d = 0; d < dim; d++) {
      v[d] *= inv;
    }
    return v;
  }
}
