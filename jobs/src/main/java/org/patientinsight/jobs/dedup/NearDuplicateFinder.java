package org.patientinsight.jobs.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.quality.deequ.ScalaInterop;

/**
 * Near-duplicate notes: MLlib {@link MinHashLSH} signatures of the notes' shingle sets
 * ({@link NoteShingles}), banded ({@link BandKeys}) into candidate pairs, each candidate checked
 * with its exact Jaccard similarity. Pairs are unordered ({@code uid_a < uid_b}), across
 * different uids, and have at least one side among the "probe" rows (this run's batch).
 */
public final class NearDuplicateFinder {
  private static final String UID = CasesTable.PATIENT_UID;
  private final int bands;
  private final int rows;
  private final double minJaccard;
  private final long seed;

  public NearDuplicateFinder(int bands, int rows, double minJaccard, long seed) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be >= 1");
    }
    if (!(minJaccard > 0 && minJaccard <= 1)) {
      throw new IllegalArgumentException("minimum Jaccard must be in (0, 1], got " + minJaccard);
    }
    this.bands = bands;
    this.rows = rows;
    this.minJaccard = minJaccard;
    this.seed = seed;
  }

  /**
   * @param shingled rows with {@code patient_uid}, boolean {@code probe} and {@link NoteShingles#FEATURES}
   * @return (uid_a, uid_b, jaccard) with jaccard ≥ the minimum
   */
  public Dataset<Row> pairs(Dataset<Row> shingled) {
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(bands * rows).setSeed(seed)
        .setInputCol(NoteShingles.FEATURES).setOutputCol("_hashes").fit(shingled);
    int b = bands;
    int r = rows;
    // Spark hands an array column to a UDF as a Scala Seq; ScalaInterop turns it into a List.
    UserDefinedFunction keys = udf((UDF1<scala.collection.Seq<Vector>, long[]>) seq -> {
      List<Vector> hashes = ScalaInterop.list(seq);
      double[] h = new double[hashes.size()];
      for (int i = 0; i < h.length; i++) {
        h[i] = hashes.get(i).apply(0);
      }
      return BandKeys.of(h, b, r);
    }, DataTypes.createArrayType(DataTypes.LongType, false));
    Dataset<Row> banded = model.transform(shingled)
        .select(col(UID), col("probe"), posexplode(keys.apply(col("_hashes"))).as(new String[] {"band", "key"}));
    Dataset<Row> probe = banded.filter(col("probe")).select(col(UID).as("p_uid"), col("band"), col("key"));
    Dataset<Row> any = banded.select(col(UID).as("o_uid"), col("band"), col("key"));
    Dataset<Row> candidates = probe.join(any, ScalaInterop.seq("band", "key"))
        .filter(col("p_uid").notEqual(col("o_uid")))
        .select(least(col("p_uid"), col("o_uid")).as("uid_a"), greatest(col("p_uid"), col("o_uid")).as("uid_b"))
        .distinct();
    UserDefinedFunction jaccard = udf((UDF2<Vector, Vector, Double>) (x, y) ->
        BandKeys.jaccard(((SparseVector) x).indices(), ((SparseVector) y).indices()), DataTypes.DoubleType);
    Dataset<Row> features = shingled.select(UID, NoteShingles.FEATURES);
    return candidates
        .join(features.withColumnRenamed(UID, "uid_a").withColumnRenamed(NoteShingles.FEATURES, "fa"), "uid_a")
        .join(features.withColumnRenamed(UID, "uid_b").withColumnRenamed(NoteShingles.FEATURES, "fb"), "uid_b")
        .select(col("uid_a"), col("uid_b"), jaccard.apply(col("fa"), col("fb")).as("jaccard"))
        .filter(col("jaccard").geq(minJaccard));
  }
}
