package org.patientinsight.serving.alert;

/** A retrieval whose best case scored under the threshold; ids and figures only. */
public record LowScoreEvent(String analysisId, Double bestScore, double threshold, int cases,
    String retrievalMode) {}
