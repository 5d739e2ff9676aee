package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeLiteralTest {

  private static final double EPS = 1e-9;

  @Test
  void sumsPartsInYears() {
    AgeParse p = AgeLiteral.parse("[[1.0, 'year'], [2.0, 'month']]");
    assertEquals(AgeParse.Status.PRESENT, p.status());
    assertEquals(1.0 + 2.0 / 12.0, p.years(), EPS);
    assertEquals(1.1667, p.years(), 1e-4);
    assertNull(p.problem());
  }

  @Test
  void convertsEveryUnit() {
    assertEquals(58.0, AgeLiteral.parse("[[58.0, 'year']]").years(), EPS);
    assertEquals(0.25, AgeLiteral.parse("[[3.0, 'month']]").years(), EPS);
    assertEquals(14.0 / 365.25, AgeLiteral.parse("[[2.0, 'week']]").years(), EPS);
    assertEquals(3.0 / 365.25, AgeLiteral.parse("[[3.0, 'day']]").years(), EPS);
    assertEquals(12.0 / (365.25 * 24), AgeLiteral.parse("[[12.0, 'hour']]").years(), EPS);
  }

  @Test
  void acceptsPluralsDoubleQuotesSpacesIntsAndTrailingCommas() {
    assertEquals(2.5, AgeLiteral.parse("[[2, \"years\"], [6, 'Months']]").years(), EPS);
    assertEquals(40.0, AgeLiteral.parse("  [ [ 40 , 'year' ] ]  ").years(), EPS);
    assertEquals(40.0, AgeLiteral.parse("[[40, 'year',],]").years(), EPS);
    assertEquals(1.0 + 1.0 / 365.25, AgeLiteral.parse("[[1,'year'],[1,'day']]").years(), EPS);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "[]", "nan", "NaN", "None", "[ ]"})
  void emptyValuesAreMissing(String raw) {
    AgeParse p = AgeLiteral.parse(raw);
    assertEquals(AgeParse.Status.MISSING, p.status());
    assertNull(p.years());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "[[1.0, 'year']",            // unclosed
    "[[1.0 'year']]",            // missing comma
    "[[1.0, 'decade']]",         // unknown unit
    "[[-3.0, 'year']]",          // negative
    "[['one', 'year']]",         // amount not a number
    "[[1.0, year]]",             // unquoted unit
    "[[1.0, 'year']] extra",     // trailing text
    "58",                        // not a list
    "[[1.0, 'year]]",            // unterminated string
    "[[1..0, 'year']]",          // bad number
    "{'year': 1}"                // wrong literal type
  })
  void brokenLiteralsAreMalformedWithAShortReason(String raw) {
    AgeParse p = AgeLiteral.parse(raw);
    assertEquals(AgeParse.Status.MALFORMED, p.status(), raw);
    assertNull(p.years());
    assertNotNull(p.problem());
    assertFalse(p.problem().contains(raw), "problem must not echo the field: " + p.problem());
  }

  @Test
  void unknownUnitAndNegativeNameTheProblem() {
    assertEquals("age: unknown unit (expected year, month, week, day or hour)",
        AgeLiteral.parse("[[1.0, 'decade']]").problem());
    assertEquals("age: negative amount", AgeLiteral.parse("[[-1.0, 'year']]").problem());
  }
}
