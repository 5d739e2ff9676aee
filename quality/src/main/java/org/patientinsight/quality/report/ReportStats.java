package org.patientinsight.quality.report;

import java.util.List;
import java.util.Map;

/**
 * Aggregates of one batch for the report, computed by Spark (no rows are collected).
 *
 * @param rows rows in the batch
 * @param ageBins 5-year age bins over [0, 120]
 * @param ageUnknown rows without an age
 * @param ageOutOfRange rows with an age outside [0, 120]
 * @param ageMean mean age (null when no ages)
 * @param ageMedian approximate median age (null when no ages)
 * @param sexSplit counts for M, F, unknown (null) and other values
 * @param noteLengthBins note length in characters, doubling bins
 * @param noteMedianChars approximate median note length
 * @param noteP90Chars approximate 90th percentile note length
 * @param ageSources where ages came from: field, text, none, other
 * @param genderSources where genders came from: field, text, none, other
 * @param completeness share of non-null values per column, in schema order
 */
public record ReportStats(
    long rows,
    List<Bin> ageBins,
    long ageUnknown,
    long ageOutOfRange,
    Double ageMean,
    Double ageMedian,
    Map<String, Long> sexSplit,
    List<Bin> noteLengthBins,
    Long noteMedianChars,
    Long noteP90Chars,
    Map<String, Long> ageSources,
    Map<String, Long> genderSources,
    Map<String, Double> completeness) {

  public ReportStats {
    ageBins = List.copyOf(ageBins);
    noteLengthBins = List.copyOf(noteLengthBins);
    sexSplit = ordered(sexSplit);
    ageSources = ordered(ageSources);
    genderSources = ordered(genderSources);
    completeness = ordered(completeness);
  }

  private static <V> Map<String, V> ordered(Map<String, V> m) {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(m));
  }
}
