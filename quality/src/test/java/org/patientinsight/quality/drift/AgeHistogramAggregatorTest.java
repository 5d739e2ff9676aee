package org.patientinsight.quality.drift;

import org.patientinsight.core.config.WarehouseLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class AgeHistogramAggregatorTest {
  private static final AgeBins BINS = AgeBins.ofWidth(0.25);
  private static final StructType SCHEMA = new StructType()
      .add("patient_uid", DataTypes.StringType)
      .add("age_years", DataTypes.DoubleType, true)
      .add("gender", DataTypes.StringType, true);

  private static Dataset<Row> cases(SparkSession spark, List<Double> ages, List<String> sexes) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ages.size(); i++) {
      rows.add(RowFactory.create("u" + i, ages.get(i), sexes.get(i)));
    }
    return spark.createDataFrame(rows, SCHEMA).repartition(3);
  }

  @Test
  void sparkHistogramsEqualTheDriverSideOnes() {
    List<Double> ages = Arrays.asList(0.1, 0.25, 1.0, 4.99, 12.0, 35.5, 35.6, 80.0, 119.99, 120.0, 150.0, null, null,
        -2.0, Double.NaN, 64.25, 17.0);
    List<String> sexes = Arrays.asList("M", "F", "M", null, "F", "F", "M", "U", "M", "F", "M", "M", "F", "F", null,
        "M", "F");
    AgeHistograms h = AgeHistogramAggregator.compute(cases(DriftTestSpark.get(), ages, sexes), "age_years", "gender");

    List<Double> male = new ArrayList<>();
    List<Double> female = new ArrayList<>();
    for (int i = 0; i < ages.size(); i++) {
      if ("M".equals(sexes.get(i))) {
        male.add(ages.get(i));
      } else if ("F".equals(sexes.get(i))) {
        female.add(ages.get(i));
      }
    }
    assertSame(AgeHistogram.of(BINS, ages.toArray(new Double[0])), h.overall());
    assertSame(AgeHistogram.of(BINS, male.toArray(new Double[0])), h.male());
    assertSame(AgeHistogram.of(BINS, female.toArray(new Double[0])), h.female());
    assertEquals(17, h.overall().rows());
    assertEquals(2, h.overall().missing());
    assertEquals(2, h.overall().invalid());
    assertEquals(2, h.overall().binCount(BINS.overflowIndex()));
  }

  private static void assertSame(AgeHistogram expected, AgeHistogram actual) {
    for (int i = 0; i < BINS.size(); i++) {
      assertEquals(expected.binCount(i), actual.binCount(i), "bin " + i);
    }
    assertEquals(expected.missing(), actual.missing());
    assertEquals(expected.invalid(), actual.invalid());
    assertEquals(expected.sum(), actual.sum(), 1e-9);
  }

  @Test
  void badColumnsAreNamed() {
    Dataset<Row> df = cases(DriftTestSpark.get(), List.of(1.0), List.of("M"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AgeHistogramAggregator.compute(df, "age", "gender"));
    assertTrue(e.getMessage().contains("column 'age' not found"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AgeHistogramAggregator.compute(df, "gender", "gender"));
    assertTrue(e.getMessage().contains("must be numeric"), e.getMessage());
  }

  /** Baseline from one generated batch, then a paediatric-heavy batch alerts and a same-mix batch does not. */
  @Test
  void endToEndBaselineThenShiftedAndUnshiftedBatches() throws Exception {
    SparkSession spark = DriftTestSpark.get();
    Random r = new Random(42);
    Dataset<Row> first = generated(spark, r, 3000, 0.05);
    Dataset<Row> same = generated(spark, r, 800, 0.05);
    Dataset<Row> kids = generated(spark, r, 800, 0.45);

    java.nio.file.Path wh = java.nio.file.Files.createTempDirectory("drift-wh");
    BaselineStore store = BaselineStore.forWarehouse(WarehouseLayout.of(wh.toString()), new Configuration());
    Baseline b = store.save("cases", "cases", 0, AgeHistogramAggregator.compute(first, "age_years", "gender"));

    Baseline loaded = store.latest("cases").orElseThrow();
    DriftReport ok = DriftReport.evaluate(loaded, AgeHistogramAggregator.compute(same, "age_years", "gender"),
        "batch", DriftPolicy.defaults());
    assertFalse(ok.alert(), ok.reasons().toString());
    assertFalse(ok.warning(), ok.reasons().toString());

    DriftReport bad = DriftReport.evaluate(loaded, AgeHistogramAggregator.compute(kids, "age_years", "gender"),
        "batch", DriftPolicy.defaults());
    assertTrue(bad.alert(), bad.reasons().toString());
    assertTrue(bad.overall().ksD() >= 0.3);
    assertTrue(bad.overall().psi() >= 0.25);
    assertEquals(b.version(), bad.toSummaryMap().get("baseline_version"));
  }

  /** Adults 18–90 with a share of children 0–17, 10 % missing ages, sexes split evenly. */
  private static Dataset<Row> generated(SparkSession spark, Random r, int n, double childShare) {
    List<Double> ages = new ArrayList<>();
    List<String> sexes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble();
      ages.add(u < 0.1 ? null : r.nextDouble() < childShare ? r.nextDouble() * 17 : 18 + r.nextDouble() * 72);
      sexes.add(r.nextBoolean() ? "M" : "F");
    }
    return cases(spark, ages, sexes);
  }
}
