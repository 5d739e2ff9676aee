package org.patientinsight.quality.drift;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * Computes {@link AgeHistograms} with one Spark aggregation: each row gets a bin index (the
 * same formula as {@link AgeBins#indexOf}) and a sex group (M, F, other), then
 * {@code groupBy(bin, sex)} counts rows and sums ages. Only the grouped counts — at most
 * (bins + 2) × 3 small rows — come back to the driver; ages never do.
 */
public final class AgeHistogramAggregator {
  private static final String OTHER = "other";

  private AgeHistogramAggregator() {
  }

  public static AgeHistograms compute(Dataset<Row> df, String ageCol, String sexCol) {
    return compute(df, ageCol, sexCol, AgeBins.ofWidth(0.25));
  }

  /** @param sexCol column holding "M"/"F" (anything else counts only overall); null for none */
  public static AgeHistograms compute(Dataset<Row> df, String ageCol, String sexCol, AgeBins bins) {
    requireNumeric(df, ageCol);
    if (sexCol != null) {
      field(df, sexCol);
    }
    Column age = col(ageCol).cast(DataTypes.DoubleType);
    Column bin = when(age.isNull(), lit(AgeBins.MISSING))
        .when(isnan(age).or(age.lt(0)).or(age.equalTo(Double.POSITIVE_INFINITY)), lit(AgeBins.INVALID))
        .when(age.geq(AgeBins.MAX_AGE), lit(bins.overflowIndex()))
        .otherwise(least(floor(age.divide(bins.width())), lit((long) bins.overflowIndex())).cast(DataTypes.IntegerType));
    Column sex = sexCol == null ? lit(OTHER)
        : when(col(sexCol).isin(AgeHistograms.MALE, AgeHistograms.FEMALE), col(sexCol)).otherwise(lit(OTHER));
    List<Row> groups = df
        .select(bin.as("bin"), sex.as("sex"), when(bin.geq(0), age).as("valid_age"))
        .groupBy("bin", "sex")
        .agg(count(lit(1)).as("n"), sum("valid_age").as("age_sum"))
        .collectAsList();
    Acc overall = new Acc(bins);
    Acc male = new Acc(bins);
    Acc female = new Acc(bins);
    for (Row r : groups) {
      int b = r.getInt(0);
      String s = r.getString(1);
      long n = r.getLong(2);
      double ageSum = r.isNullAt(3) ? 0 : r.getDouble(3);
      overall.add(b, n, ageSum);
      if (AgeHistograms.MALE.equals(s)) {
        male.add(b, n, ageSum);
      } else if (AgeHistograms.FEMALE.equals(s)) {
        female.add(b, n, ageSum);
      }
    }
    return new AgeHistograms(overall.build(), male.build(), female.build());
  }

  private static StructField field(Dataset<Row> df, String name) {
    return Arrays.stream(df.schema().fields()).filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("column '" + name + "' not found; columns are "
            + Arrays.toString(df.columns())));
  }

  private static void requireNumeric(Dataset<Row> df, String ageCol) {
    DataType t = field(df, ageCol).dataType();
    if (!(t instanceof NumericType)) {
      throw new IllegalArgumentException("age column '" + ageCol + "' must be numeric (years), is " + t.simpleString());
    }
  }

  /** Driver-side accumulation of the grouped counts. */
  private static final class Acc {
    final AgeBins bins;
    final long[] counts;
    long missing;
    long invalid;
    double sum;

    Acc(AgeBins bins) {
      this.bins = bins;
      this.counts = new long[bins.size()];
    }

    void add(int bin, long n, double ageSum) {
      if (bin == AgeBins.MISSING) {
        missing += n;
      } else if (bin == AgeBins.INVALID) {
        invalid += n;
      } else {
        counts[bin] += n;
        sum += ageSum;
      }
    }

    AgeHistogram build() {
      return new AgeHistogram(bins, counts, missing, invalid, sum);
    }
  }
}
