package org.patientinsight.core.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

final class TestAlerts {
  private TestAlerts() {
  }

  static Alert drift() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("ks_d", 0.231);
    f.put("ks_p", 1.2e-9);
    f.put("psi", 0.41);
    f.put("n_batch", 812L);
    f.put("baseline_version", 3);
    f.put("alert", true);
    return new Alert("age_drift", Severity.ALERT, "Age drift detected",
        "Batch age distribution differs from baseline 'cases' v3 (KS D 0.231 >= 0.15).", f,
        "run-42", Instant.parse("2026-11-27T12:00:00Z"));
  }
}
