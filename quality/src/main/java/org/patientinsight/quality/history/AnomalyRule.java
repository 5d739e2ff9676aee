package org.patientinsight.quality.history;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.anomalydetection.AnomalyDetectionStrategy;

/**
 * One cross-run anomaly check: a metric and how much it may move from the last accepted run.
 * Internal to the quality module (holds Deequ types).
 */
public record AnomalyRule(String name, String metric, String strategyText,
    Analyzer<?, ?> analyzer, AnomalyDetectionStrategy strategy) {}
