package org.patientinsight.quality.deequ;

import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Metric;
import java.util.Map;
import java.util.TreeMap;
import scala.util.Try;

/** Reads Deequ metric values into plain doubles. */
public final class DeequMetrics {
  private DeequMetrics() {}

  /** The metric's value as a double, or null when it failed or is not a number. */
  public static Double valueOf(Metric<?> metric) {
    if (metric == null) {
      return null;
    }
    Try<?> value = metric.value();
    if (value.isSuccess() && value.get() instanceof Number n) {
      return n.doubleValue();
    }
    return null;
  }

  /** Why a metric has no value (Deequ's failure message), or null when it has one. */
  public static String failureOf(Metric<?> metric) {
    if (metric == null || metric.value().isSuccess()) {
      return null;
    }
    Throwable t = metric.value().failed().get();
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** "Completeness(gender)", "Size(*)", "Histogram.abs.M(gender)". */
  public static String keyOf(DoubleMetric m) {
    return m.name() + "(" + m.instance() + ")";
  }

  /** Every successful numeric metric, flattened and keyed by {@link #keyOf}. */
  public static Map<String, Double> flatten(Iterable<Metric<?>> metrics) {
    Map<String, Double> out = new TreeMap<>();
    for (Metric<?> metric : metrics) {
      for (DoubleMetric m : ScalaInterop.list(metric.flatten())) {
        Double v = valueOf(m);
        if (v != null && !v.isNaN() && !v.isInfinite()) {
          out.put(keyOf(m), v);
        }
      }
    }
    return out;
  }
}
