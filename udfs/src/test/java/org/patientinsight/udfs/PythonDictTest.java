package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PythonDictTest {

  @Test
  void readsPmcPatientsDicts() {
    assertEquals(Map.of("32320506", 1), PythonDict.parse("{'32320506': 1}"));
    assertEquals(Map.of("7665777-2", 2), PythonDict.parse("{'7665777-2': 2}"));
    assertEquals(Map.of(), PythonDict.parse("{}"));
    assertEquals(Map.of(), PythonDict.parse(" { } "));
  }

  @Test
  void keepsFileOrder() {
    Map<String, Integer> m = PythonDict.parse("{'3': 1, '1': 2, \"2\": 1,}");
    assertEquals(List.of("3", "1", "2"), List.copyOf(m.keySet()));
    assertEquals(List.of(1, 2, 1), List.copyOf(m.values()));
  }

  @Test
  void nullAndBlankAreEmpty() {
    assertTrue(PythonDict.parse(null).isEmpty());
    assertTrue(PythonDict.parse("").isEmpty());
    assertTrue(PythonDict.parse("  \n").isEmpty());
  }

  @Test
  void escapedQuotesInKeys() {
    assertEquals(Map.of("a'b", 1), PythonDict.parse("{'a\\'b': 1}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{'1': 1", "{'1' 1}", "{1: 1}", "{'1': 'x'}", "{'1': 1.5}", "['1', 1]",
    "{'1': 1} tail", "{'1': 1,, '2': 2}", "{'1: 1}", "nan"})
  void malformedThrowsWithPositionButNoContent(String raw) {
    LiteralSyntaxException e = assertThrows(LiteralSyntaxException.class, () -> PythonDict.parse(raw));
    assertTrue(e.getMessage().startsWith("dict: "), e.getMessage());
    assertTrue(e.getMessage().contains("at position"), e.getMessage());
    assertFalse(e.getMessage().contains(raw), e.getMessage());
  }
}
