package org.patientinsight.quality.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.DemographicSource;

/**
 * Computes the report's histograms and splits in ONE Spark aggregation over the batch: every
 * bar is a conditional sum, so only a single row of counts comes back to the driver.
 */
public final class ReportStatsCollector {
  /** Ages are binned in 5-year steps over [0, 120]; 120 itself falls in the last bin. */
  public static final int AGE_BIN_YEARS = 5;
  public static final int MAX_AGE = 120;
  /** Note length bin edges in characters (each bin doubles; the last one is open). */
  static final long[] NOTE_EDGES = {0, 250, 500, 1000, 2000, 4000, 8000, 16000};
  static final List<String> SOURCES = List.of(DemographicSource.FIELD, DemographicSource.TEXT,
      DemographicSource.NONE);

  private ReportStatsCollector() {}

  public static ReportStats collect(Dataset<Row> batch) {
    List<Column> aggs = new ArrayList<>();
    Column age = col(CasesTable.AGE_YEARS);
    Column gender = col(CasesTable.GENDER);
    Column chars = col(CasesTable.NOTE_CHARS);
    aggs.add(count(lit(1)));
    int ageBins = MAX_AGE / AGE_BIN_YEARS;
    for (int i = 0; i < ageBins; i++) {
      int lo = i * AGE_BIN_YEARS;
      int hi = lo + AGE_BIN_YEARS;
      Column upper = i == ageBins - 1 ? age.leq(hi) : age.lt(hi);
      aggs.add(countIf(age.geq(lo).and(upper)));
    }
    aggs.add(countIf(age.isNull()));
    aggs.add(countIf(age.lt(0).or(age.gt(MAX_AGE))));
    aggs.add(expr("avg(" + q(CasesTable.AGE_YEARS) + ")"));
    aggs.add(expr("percentile_approx(" + q(CasesTable.AGE_YEARS) + ", 0.5)"));
    aggs.add(countIf(gender.equalTo("M")));
    aggs.add(countIf(gender.equalTo("F")));
    aggs.add(countIf(gender.isNull()));
    aggs.add(countIf(gender.isNotNull().and(gender.isin("M", "F").unary_$bang())));
    for (int i = 0; i < NOTE_EDGES.length; i++) {
      Column c = chars.geq(NOTE_EDGES[i]);
      if (i + 1 < NOTE_EDGES.length) {
        c = c.and(chars.lt(NOTE_EDGES[i + 1]));
      }
      aggs.add(countIf(c));
    }
    aggs.add(expr("percentile_approx(" + q(CasesTable.NOTE_CHARS) + ", array(0.5, 0.9))"));
    for (String source : List.of(CasesTable.AGE_SOURCE, CasesTable.GENDER_SOURCE)) {
      Column s = col(source);
      for (String value : SOURCES) {
        aggs.add(countIf(s.equalTo(value)));
      }
      aggs.add(countIf(s.isNull().or(s.isin(SOURCES.toArray()).unary_$bang())));
    }
    String[] columns = batch.columns();
    for (String c : columns) {
      aggs.add(count(col(q(c))));
    }
    Row r = batch.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
        .first();
    return read(r, columns, ageBins);
  }

  private static ReportStats read(Row r, String[] columns, int ageBins) {
    int i = 0;
    long rows = r.getLong(i++);
    List<Bin> age = new ArrayList<>();
    for (int b = 0; b < ageBins; b++) {
      int lo = b * AGE_BIN_YEARS;
      int hi = lo + AGE_BIN_YEARS;
      String label = b == ageBins - 1 ? lo + "–" + hi : lo + "–" + (hi - 1);
      age.add(new Bin(label, lo, hi, longAt(r, i++)));
    }
    long ageUnknown = longAt(r, i++);
    long ageOutOfRange = longAt(r, i++);
    Double ageMean = r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
    i++;
    Double ageMedian = r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
    i++;
    Map<String, Long> sex = new LinkedHashMap<>();
    sex.put("M", longAt(r, i++));
    sex.put("F", longAt(r, i++));
    sex.put("unknown", longAt(r, i++));
    sex.put("other", longAt(r, i++));
    List<Bin> notes = new ArrayList<>();
    for (int b = 0; b < NOTE_EDGES.length; b++) {
      long lo = NOTE_EDGES[b];
      double hi = b + 1 < NOTE_EDGES.length ? NOTE_EDGES[b + 1] : Double.POSITIVE_INFINITY;
      String label = b + 1 < NOTE_EDGES.length ? chars(lo) + "–" + chars((long) hi)
          : "≥ " + chars(lo);
      notes.add(new Bin(label, lo, hi, longAt(r, i++)));
    }
    Long noteMedian = null;
    Long noteP90 = null;
    if (!r.isNullAt(i)) {
      List<Object> q = r.getList(i);
      noteMedian = q.get(0) == null ? null : ((Number) q.get(0)).longValue();
      noteP90 = q.get(1) == null ? null : ((Number) q.get(1)).longValue();
    }
    i++;
    Map<String, Long> ageSources = new LinkedHashMap<>();
    Map<String, Long> genderSources = new LinkedHashMap<>();
    for (Map<String, Long> target : List.of(ageSources, genderSources)) {
      for (String s : SOURCES) {
        target.put(s, longAt(r, i++));
      }
      target.put("other", longAt(r, i++));
    }
    Map<String, Double> completeness = new LinkedHashMap<>();
    for (String c : columns) {
      long present = longAt(r, i++);
      completeness.put(c, rows == 0 ? 0.0 : (double) present / rows);
    }
    return new ReportStats(rows, age, ageUnknown, ageOutOfRange, ageMean, ageMedian, sex, notes,
        noteMedian, noteP90, ageSources, genderSources, completeness);
  }

  private static Column countIf(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }

  private static long longAt(Row r, int i) {
    return r.isNullAt(i) ? 0L : ((Number) r.get(i)).longValue();
  }

  private static String q(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  /** 250, 500, 1k, 2k, 16k. */
  static String chars(long n) {
    return n >= 1000 && n % 1000 == 0 ? (n / 1000) + "k" : String.format(Locale.ROOT, "%d", n);
  }
}
