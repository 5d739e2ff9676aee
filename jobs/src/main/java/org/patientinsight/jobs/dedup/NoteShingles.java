package org.patientinsight.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * Cleaned notes as sets of word shingles, as the sparse binary MLlib vectors MinHashLSH takes:
 * {@link ShingleHasher} hashes every run of {@code words} consecutive words (lower-cased
 * letter/digit runs) into 2^20 buckets. Notes with fewer words than a shingle have no shingle
 * and are left out (the caller counts what it checked).
 */
public final class NoteShingles {
  public static final String FEATURES = "shingles";
  static final int BUCKETS = 1 << 20;

  private NoteShingles() {
  }

  public static Dataset<Row> of(Dataset<Row> cases, String noteCol, int words) {
    UserDefinedFunction shingles = udf((UDF1<String, Vector>) note -> {
      int[] idx = ShingleHasher.of(note, words, BUCKETS);
      if (idx.length == 0) {
        return null;
      }
      double[] ones = new double[idx.length];
      Arrays.fill(ones, 1.0);
      return Vectors.sparse(BUCKETS, idx, ones);
    }, SQLDataTypes.VectorType());
    return cases.filter(col(noteCol).isNotNull()).withColumn(FEATURES, shingles.apply(col(noteCol)))
        .filter(col(FEATURES).isNotNull());
  }
}
