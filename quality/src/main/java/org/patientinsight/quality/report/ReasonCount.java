package org.patientinsight.quality.report;

/** How many records were quarantined for one reason code. */
public record ReasonCount(String code, long count) {}
