package org.patientinsight.jobs.drift;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.EmbeddingsTable;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.jobs.embed.EmbeddingTables;
import org.patientinsight.core.config.WarehouseLayout;

/**
 * Seeded synthetic cases for embedding-drift tests: topics are random unit directions in 384-d
 * (ten adult topics, three paediatric ones), a case's vector is its topic direction plus
 * Gaussian noise, normalised (cosine to its topic ≈ 0.6, as real MiniLM neighbours), and its
 * title carries its topic's words. Written as rows of the real cases and embeddings tables.
 */
final class SyntheticCases {
  static final int DIM = 384;
  static final String[][] ADULT = {
      {"myocardial", "infarction"}, {"pulmonary", "embolism"}, {"lupus", "nephritis"}, {"hepatocellular", "carcinoma"},
      {"ischemic", "stroke"}, {"diabetic", "ketoacidosis"}, {"rheumatoid", "arthritis"}, {"prostate", "adenocarcinoma"},
      {"aortic", "dissection"}, {"sarcoidosis", "pulmonary"}};
  static final String[][] PAEDIATRIC = {{"neonatal", "sepsis"}, {"kawasaki", "disease"}, {"bronchiolitis", "infant"}};

  private final double[][] adult;
  private final double[][] paediatric;
  private final Random random;

  SyntheticCases(long seed) {
    Random topics = new Random(seed);
    adult = directions(topics, ADULT.length);
    // paediatric topics lean on related adult ones (Kawasaki ~ coronary, bronchiolitis ~ lung),
    // as real embeddings do, so they land in a few baseline clusters instead of anywhere
    double[][] own = directions(topics, PAEDIATRIC.length);
    paediatric = new double[PAEDIATRIC.length][DIM];
    for (int t = 0; t < PAEDIATRIC.length; t++) {
      for (int i = 0; i < DIM; i++) {
        paediatric[t][i] = 0.7 * adult[t][i] + 0.7 * own[t][i];
      }
      normalise(paediatric[t]);
    }
    random = new Random(seed + 1);
  }

  private static double[][] directions(Random r, int n) {
    double[][] d = new double[n][DIM];
    for (double[] v : d) {
      for (int i = 0; i < DIM; i++) {
        v[i] = r.nextGaussian();
      }
      normalise(v);
    }
    return d;
  }

  static void normalise(double[] v) {
    double n = 0;
    for (double x : v) {
      n += x * x;
    }
    n = Math.sqrt(n);
    for (int i = 0; i < v.length; i++) {
      v[i] /= n;
    }
  }

  /** One generated case. */
  record Case(String uid, String title, float[] vector) {}

  /** {@code n} cases, a {@code paediatricShare} of them on paediatric topics, the rest adult. */
  List<Case> cases(String prefix, int n, double paediatricShare) {
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean kid = random.nextDouble() < paediatricShare;
      int t = random.nextInt(kid ? paediatric.length : adult.length);
      double[] dir = kid ? paediatric[t] : adult[t];
      String[] words = kid ? PAEDIATRIC[t] : ADULT[t];
      double[] v = new double[DIM];
      for (int j = 0; j < DIM; j++) {
        v[j] = dir[j] + random.nextGaussian() * 0.068; // noise norm ≈ 1.33: cos to the topic ≈ 0.6
      }
      normalise(v);
      float[] f = new float[DIM];
      for (int j = 0; j < DIM; j++) {
        f[j] = (float) v[j];
      }
      out.add(new Case(prefix + "-" + i, "A case of " + words[0] + " " + words[1] + " in a patient", f));
    }
    return out;
  }

  /** Appends the cases to the warehouse's cases and embeddings tables as written by run {@code runId}. */
  static void write(SparkSession spark, String warehouse, String runId, List<Case> cases) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> caseRows = new ArrayList<>();
    List<Row> vectorRows = new ArrayList<>();
    for (Case c : cases) {
      String hash = "h-" + c.uid();
      caseRows.add(RowFactory.create(c.uid(), null, c.title(), "note", 40.0, "field", "F", "field", null, null, 4, hash,
          null, runId, now));
      List<Float> v = new ArrayList<>(DIM);
      for (float x : c.vector()) {
        v.add(x);
      }
      vectorRows.add(RowFactory.create(c.uid(), hash, MiniLmEmbedder.MODEL_ID, v, 10, now, runId));
    }
    spark.createDataFrame(caseRows, CasesTable.SCHEMA).write().format("delta").mode("append")
        .save(WarehouseLayout.of(warehouse).table(CasesTable.NAME));
    spark.createDataFrame(vectorRows, EmbeddingsTable.SCHEMA).write().format("delta").mode("append")
        .save(WarehouseLayout.of(warehouse).table(EmbeddingsTable.NAME));
  }
}
