package org.patientinsight.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsShortFormsAndIso() {
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofSeconds(90), Durations.parse(" 90s "));
    assertEquals(Duration.ofMinutes(30), Durations.parse("30m"));
    assertEquals(Duration.ofHours(2), Durations.parse("2h"));
    assertEquals(Duration.ofMinutes(30), Durations.parse("PT30M"));
    assertEquals(Duration.ZERO, Durations.parse("0"));
    assertEquals(Duration.ZERO, Durations.parse("0s"));
  }

  @Test
  void refusesWhatIsNotADurationWithTheValueQuoted() {
    assertEquals("'soon' is not a duration (use e.g. 90s, 30m, 2h or PT30M)",
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon")).getMessage());
    assertEquals("duration must not be negative, got 'PT-1S'",
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("PT-1S")).getMessage());
    assertEquals("duration must be positive, got '0s'",
        assertThrows(IllegalArgumentException.class, () -> Durations.parsePositive("0s")).getMessage());
  }
}
