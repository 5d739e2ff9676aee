package org.patientinsight.quality.profile;

import com.amazon.deequ.metrics.Distribution;
import com.amazon.deequ.metrics.DistributionValue;
import com.amazon.deequ.profiles.ColumnProfilerRunner;
import com.amazon.deequ.profiles.ColumnProfiles;
import com.amazon.deequ.profiles.NumericColumnProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.quality.deequ.ScalaInterop;

/**
 * Per-column statistics from Deequ's column profiler, for the report and {@code quality_runs}.
 * Profiles the atomic columns (strings, numbers, booleans); the note text itself is left out
 * (its length is profiled as {@code note_chars}) and so are maps and timestamps.
 */
public final class CaseProfiler {
  /** Columns with at most this many distinct values get a value histogram. */
  public static final int HISTOGRAM_MAX_DISTINCT = 20;
  private static final Set<String> SKIPPED = Set.of(CasesTable.NOTE);
  /** Deequ's histogram key for nulls. */
  private static final String NULL_VALUE = "NullValue";

  private CaseProfiler() {}

  public static List<ColumnProfile> profile(Dataset<Row> data) {
    CodegenNoise.quiet();
    List<String> columns = new ArrayList<>();
    for (StructField f : data.schema().fields()) {
      if (!SKIPPED.contains(f.name()) && profilable(f.dataType())) {
        columns.add(f.name());
      }
    }
    if (columns.isEmpty()) {
      return List.of();
    }
    ColumnProfiles profiles = new ColumnProfilerRunner().onData(data)
        .restrictToColumns(ScalaInterop.seq(columns))
        .withLowCardinalityHistogramThreshold(HISTOGRAM_MAX_DISTINCT)
        .run();
    Map<String, com.amazon.deequ.profiles.ColumnProfile> byName =
        ScalaInterop.javaMap(profiles.profiles());
    List<ColumnProfile> out = new ArrayList<>();
    for (String column : columns) {
      com.amazon.deequ.profiles.ColumnProfile p = byName.get(column);
      if (p != null) {
        out.add(convert(p));
      }
    }
    return out;
  }

  private static boolean profilable(DataType t) {
    return t instanceof StringType || t instanceof NumericType || t instanceof BooleanType;
  }

  private static ColumnProfile convert(com.amazon.deequ.profiles.ColumnProfile p) {
    Double min = null;
    Double max = null;
    Double mean = null;
    Double std = null;
    // string columns that merely look numeric (pmid) get no numeric statistics: a mean PMID
    // means nothing
    if (p instanceof NumericColumnProfile n && !p.isDataTypeInferred()) {
      min = ScalaInterop.doubleOrNull(n.minimum());
      max = ScalaInterop.doubleOrNull(n.maximum());
      mean = ScalaInterop.doubleOrNull(n.mean());
      std = ScalaInterop.doubleOrNull(n.stdDev());
    }
    return new ColumnProfile(p.column(), p.dataType().toString(), p.completeness(),
        p.approximateNumDistinctValues(), min, max, mean, std, histogram(p));
  }

  private static Map<String, Long> histogram(com.amazon.deequ.profiles.ColumnProfile p) {
    Distribution d = ScalaInterop.orNull(p.histogram());
    Map<String, Long> out = new LinkedHashMap<>();
    if (d == null) {
      return out;
    }
    Map<String, DistributionValue> values = ScalaInterop.javaMap(d.values());
    values.entrySet().stream()
        .sorted(Comparator.comparingLong(
            (Map.Entry<String, DistributionValue> e) -> -e.getValue().absolute())
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> out.put(NULL_VALUE.equals(e.getKey()) ? "(null)" : e.getKey(),
            e.getValue().absolute()));
    return out;
  }
}
