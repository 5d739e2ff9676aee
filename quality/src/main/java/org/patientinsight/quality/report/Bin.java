package org.patientinsight.quality.report;

/**
 * One bar of a histogram: values in [lower, upper) (the last age bin includes its upper edge).
 * {@code upper} is {@code Double.POSITIVE_INFINITY} for an open last bin.
 */
public record Bin(String label, double lower, double upper, long count) {}
