package org.patientinsight.core.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one alert: which sinks delivered it and, for the others, why not.
 *
 * @param delivered sink names that accepted the alert
 * @param failures sink name → error message
 */
public record AlertOutcome(List<String> delivered, Map<String, String> failures) {
  public AlertOutcome {
    delivered = List.copyOf(delivered);
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
  }

  public int sent() {
    return delivered.size();
  }

  public int failed() {
    return failures.size();
  }

  public boolean allDelivered() {
    return failures.isEmpty();
  }
}
