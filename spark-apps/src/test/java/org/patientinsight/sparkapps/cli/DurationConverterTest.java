package org.patientinsight.sparkapps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
  @Test
  void shortFormsAndIso() {
    assertEquals(Duration.ofMillis(250), DurationConverter.parse("250ms"));
    assertEquals(Duration.ofSeconds(90), DurationConverter.parse("90s"));
    assertEquals(Duration.ofMinutes(30), DurationConverter.parse("30m"));
    assertEquals(Duration.ofHours(2), DurationConverter.parse("2h"));
    assertEquals(Duration.ofMinutes(45), DurationConverter.parse("PT45M"));
  }

  @Test
  void rejectsGarbageAndNonPositive() {
    assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("30 minutes"));
    assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("0s"));
    assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("-PT1M"));
    assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse(""));
  }
}
