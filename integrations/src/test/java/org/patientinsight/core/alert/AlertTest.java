package org.patientinsight.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTest {

  @Test
  void keepsFieldOrderAndCopiesTheMap() {
    Map<String, Object> f = new HashMap<>(Map.of("psi", 0.3));
    Alert a = new Alert("age_drift", Severity.WARNING, "t", "s", f, "r1", null);
    f.put("late", 1);
    assertEquals(Map.of("psi", 0.3), a.fields());
    assertTrue(a.timestamp() != null);
  }

  @Test
  void refusesProseAndObjectsAsFieldValues() {
    String longText = "x".repeat(Alert.MAX_FIELD_STRING + 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Alert("k", Severity.ALERT, "t", "s", Map.of("note", longText), "r", null));
    assertTrue(e.getMessage().contains("'note'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Alert("k", Severity.ALERT, "t", "s", Map.of("list", List.of(1)), "r", null));
    assertTrue(e.getMessage().contains("'list'"), e.getMessage());
  }

  @Test
  void refusesBlankKindAndTitle() {
    assertThrows(IllegalArgumentException.class, () -> new Alert(" ", Severity.ALERT, "t", "", Map.of(), "r", null));
    assertThrows(IllegalArgumentException.class, () -> new Alert("k", Severity.ALERT, "", "", Map.of(), "r", null));
  }

  @Test
  void textBodyListsFiguresAndIds() {
    String body = AlertText.body(TestAlerts.drift());
    assertTrue(body.startsWith("[ALERT] Age drift detected (run run-42)"), body);
    assertTrue(body.contains("ks_d: 0.2310"), body);
    assertTrue(body.contains("n_batch: 812"), body);
    assertTrue(body.contains("kind: age_drift"), body);
  }
}
