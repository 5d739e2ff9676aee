package org.patientinsight.jobs.drift;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;

import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The domain classifier of embedding drift (Evidently's approach for embeddings): an MLlib
 * {@link LogisticRegression} learns to tell batch vectors (label 1) from baseline vectors
 * (label 0); if it does so on vectors it was not trained on with ROC AUC ≥ 0.55, the batch
 * differs. Both sides are sampled to the same size (so AUC 0.5 means "indistinguishable") and
 * every vector is scored out of fold (k-fold): the AUC rests on all 2n vectors instead of one
 * 30 % split, which halves its noise on small batches. Everything is seeded.
 */
public final class DomainClassifier {
  public static final String FEATURES = "features";

  /** @param auc pooled out-of-fold ROC AUC; NaN when a side has fewer than 2 vectors */
  public record Result(double auc, long scored) {}

  private final int folds;
  private final int maxRowsPerSide;
  private final long seed;

  public DomainClassifier(int folds, int maxRowsPerSide, long seed) {
    if (folds < 2) {
      throw new IllegalArgumentException("folds must be >= 2, got " + folds);
    }
    this.folds = folds;
    this.maxRowsPerSide = maxRowsPerSide;
    this.seed = seed;
  }

  /** @param baseline, batch frames with a {@value #FEATURES} ml Vector column */
  public Result auc(Dataset<Row> baseline, long baselineCount, Dataset<Row> batch, long batchCount) {
    long n = Math.min(Math.min(baselineCount, batchCount), maxRowsPerSide);
    if (n < 2) {
      return new Result(Double.NaN, 0);
    }
    Dataset<Row> data = sample(baseline, baselineCount, n, 0).union(sample(batch, batchCount, n, 1))
        .withColumn("fold", floor(rand(seed + 7).multiply(folds)).cast("int"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> scored = null;
      for (int f = 0; f < folds; f++) {
        Dataset<Row> train = data.filter(col("fold").notEqual(f));
        Dataset<Row> test = data.filter(col("fold").equalTo(f));
        LogisticRegressionModel model = new LogisticRegression()
            .setFeaturesCol(FEATURES).setLabelCol("label")
            .setMaxIter(25).setRegParam(0.01).setElasticNetParam(0.0).setTol(1e-5)
            .fit(train);
        Dataset<Row> s = model.transform(test).select("label", "rawPrediction");
        scored = scored == null ? s : scored.union(s);
      }
      double auc = new BinaryClassificationEvaluator().setLabelCol("label").setRawPredictionCol("rawPrediction")
          .setMetricName("areaUnderROC").evaluate(scored);
      return new Result(auc, 2 * n);
    } finally {
      data.unpersist();
    }
  }

  /** About {@code n} rows of {@code df} (seeded), labelled; exactly n when the sample allows. */
  private Dataset<Row> sample(Dataset<Row> df, long count, long n, int label) {
    Dataset<Row> d = df.select(FEATURES);
    if (count > n) {
      double fraction = Math.min(1.0, 1.2 * n / count);
      d = d.sample(false, fraction, seed + label).limit((int) n);
    }
    return d.withColumn("label", lit((double) label));
  }
}
