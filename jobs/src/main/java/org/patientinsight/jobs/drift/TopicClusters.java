package org.patientinsight.jobs.drift;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.quality.drift.TitleWords;

/**
 * Topic clusters of case embeddings: an MLlib {@link KMeans} (cosine distance, seeded) fitted
 * on the baseline's vectors; any set of vectors is then described by how many fall in each
 * cluster and their mean vector per cluster — one grouped aggregation, only k small rows reach
 * the driver. Clusters are named by the most frequent words of their cases' titles.
 */
public final class TopicClusters {
  static final String CLUSTER = "cluster";

  /** Vectors of one cluster: how many, and their mean (not normalised). */
  public record Stat(long count, double[] mean) {}

  private TopicClusters() {
  }

  public static KMeansModel fit(Dataset<Row> vectors, int k, long seed) {
    return new KMeans().setK(k).setSeed(seed).setMaxIter(15).setDistanceMeasure("cosine")
        .setFeaturesCol(DomainClassifier.FEATURES).setPredictionCol(CLUSTER).fit(vectors);
  }

  /** Per cluster id (sorted): count and mean vector of {@code vectors} assigned by the model. */
  public static Map<Integer, Stat> describe(KMeansModel model, Dataset<Row> vectors) {
    List<Row> rows = model.transform(vectors.select(DomainClassifier.FEATURES))
        .groupBy(CLUSTER)
        .agg(count(lit(1)).as("n"), Summarizer.mean(col(DomainClassifier.FEATURES)).as("mean"))
        .collectAsList();
    Map<Integer, Stat> out = new TreeMap<>();
    for (Row r : rows) {
      out.put(r.getInt(0), new Stat(r.getLong(1), ((Vector) r.get(2)).toArray()));
    }
    return out;
  }

  /** The count-weighted mean of all cluster means: the mean vector of everything described. */
  public static double[] overallMean(Map<Integer, Stat> stats, int dim) {
    double[] m = new double[dim];
    long n = 0;
    for (Stat s : stats.values()) {
      for (int i = 0; i < dim; i++) {
        m[i] += s.mean()[i] * s.count();
      }
      n += s.count();
    }
    for (int i = 0; i < dim && n > 0; i++) {
      m[i] /= n;
    }
    return m;
  }

  /**
   * The {@code top} most frequent usable title words ({@link TitleWords}) per cluster, from
   * {@code withTitles} (columns {@value DomainClassifier#FEATURES} and {@code title}).
   */
  public static Map<Integer, List<String>> titleWords(KMeansModel model, Dataset<Row> withTitles, int top) {
    String[] stop = TitleWords.STOPWORDS.toArray(new String[0]);
    Dataset<Row> words = model.transform(withTitles.select(DomainClassifier.FEATURES, CasesTable.TITLE))
        .select(col(CLUSTER), explode(split(lower(col(CasesTable.TITLE)), TitleWords.SPLIT_REGEX)).as("word"))
        .filter(length(col("word")).geq(TitleWords.MIN_LENGTH).and(not(col("word").isin((Object[]) stop))))
        .groupBy(CLUSTER, "word").agg(count(lit(1)).as("n"));
    List<Row> rows = words
        .withColumn("rank", row_number().over(Window.partitionBy(CLUSTER).orderBy(desc("n"), col("word"))))
        .filter(col("rank").leq(top)).orderBy(CLUSTER, "rank").collectAsList();
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r.getString(1));
    }
    return out;
  }

  /** 1 − cos(a, b); NaN when either is all zeros. */
  public static double cosineDistance(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? Double.NaN : 1 - dot / Math.sqrt(na * nb);
  }
}
