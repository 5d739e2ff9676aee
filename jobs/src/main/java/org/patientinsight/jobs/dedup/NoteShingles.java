package org.patientinsight.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Cleaned notes as sets of word shingles, as MLlib feature vectors: {@link RegexTokenizer}
 * (lower-cased letter/digit runs) → {@link NGram} of {@code words} consecutive words →
 * {@link HashingTF} (binary, 2^20 buckets, so a set, not counts). Notes with fewer words than
 * a shingle have no shingle and are left out (and counted by the caller).
 */
public final class NoteShingles {
  public static final String FEATURES = "shingles";
  static final int BUCKETS = 1 << 20;

  private NoteShingles() {
  }

  public static Dataset<Row> of(Dataset<Row> cases, String noteCol, int words) {
    Dataset<Row> tokens = new RegexTokenizer().setInputCol(noteCol).setOutputCol("_words")
        .setPattern("[^\\p{L}\\p{N}]+").setToLowercase(true).setMinTokenLength(1)
        .transform(cases.filter(col(noteCol).isNotNull()));
    Dataset<Row> grams = new NGram().setN(words).setInputCol("_words").setOutputCol("_shingles").transform(tokens);
    return new HashingTF().setInputCol("_shingles").setOutputCol(FEATURES).setBinary(true).setNumFeatures(BUCKETS)
        .transform(grams.filter(size(col("_shingles")).gt(0)))
        .drop("_words", "_shingles");
  }
}
