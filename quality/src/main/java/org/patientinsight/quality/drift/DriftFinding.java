package org.patientinsight.quality.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a drift comparison found worth telling someone: a drift alert or a warning, with its
 * figures. Figures only, never patient text. The jobs turn it into an alert for the sinks;
 * quality itself knows nothing about delivery.
 *
 * @param kind machine-readable kind, e.g. {@code age_drift}
 * @param alert true for an alert, false for a warning
 * @param fields figures in display order (a copy is kept)
 */
public record DriftFinding(String kind, boolean alert, String title, String summary, Map<String, Object> fields) {

  public DriftFinding {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
