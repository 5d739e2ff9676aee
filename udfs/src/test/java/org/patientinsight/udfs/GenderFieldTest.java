package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GenderFieldTest {

  @ParameterizedTest
  @CsvSource({"M,M", "m,M", "' male ',M", "MALE,M", "F,F", "f,F", "Female,F", "'\tfemale\n',F"})
  void normalisesKnownSpellings(String raw, String expected) {
    assertEquals(expected, GenderField.normalise(raw));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"U", "u", "", "  ", "unknown", "X", "MF", "woman?"})
  void unknownIsNull(String raw) {
    assertNull(GenderField.normalise(raw));
  }
}
