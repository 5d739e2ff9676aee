package org.patientinsight.quality.profile;

import java.util.Map;

/**
 * Deequ's statistics of one column, in plain Java.
 *
 * @param column column name
 * @param dataType Deequ's (possibly inferred) type: Integral, Fractional, String, Boolean...
 * @param completeness share of non-null values
 * @param approxDistinct approximate number of distinct values (HyperLogLog)
 * @param minimum numeric columns only, else null
 * @param maximum numeric columns only, else null
 * @param mean numeric columns only, else null
 * @param stdDev numeric columns only, else null
 * @param histogram value counts for low-cardinality columns (empty otherwise), most frequent
 *     first
 */
public record ColumnProfile(
    String column,
    String dataType,
    double completeness,
    long approxDistinct,
    Double minimum,
    Double maximum,
    Double mean,
    Double stdDev,
    Map<String, Long> histogram) {

  public ColumnProfile {
    histogram = histogram == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(histogram));
  }

  public boolean isNumeric() {
    return mean != null;
  }
}
