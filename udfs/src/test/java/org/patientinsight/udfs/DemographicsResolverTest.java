package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DemographicsResolverTest {

  private static final String NOTE = "A 58-year-old woman presented with chest pain.";

  @Test
  void validFieldsWin() {
    ResolvedDemographics r = DemographicsResolver.resolve("[[60.0, 'year']]", "M", NOTE);
    assertEquals(new ResolvedDemographics(60.0, "field", "M", "field"), r);
  }

  @Test
  void missingFieldsFallBackToProse() {
    assertEquals(new ResolvedDemographics(58.0, "text", "F", "text"), DemographicsResolver.resolve("", "", NOTE));
    assertEquals(new ResolvedDemographics(58.0, "text", "F", "text"), DemographicsResolver.resolve(null, null, NOTE));
    assertEquals(new ResolvedDemographics(58.0, "text", "F", "field"), DemographicsResolver.resolve("[]", "F", NOTE));
  }

  @Test
  void malformedAgeAndUnknownGenderFallBackToProse() {
    assertEquals(new ResolvedDemographics(58.0, "text", "F", "text"),
        DemographicsResolver.resolve("[[58.0, 'yeer']]", "U", NOTE));
  }

  @Test
  void implausibleFieldAgeIsTreatedAsInvalid() {
    ResolvedDemographics r = DemographicsResolver.resolve("[[580.0, 'year']]", "F", NOTE);
    assertEquals(58.0, r.ageYears());
    assertEquals("text", r.ageSource());
    assertEquals(120.0, DemographicsResolver.resolve("[[120.0, 'year']]", "F", NOTE).ageYears());
  }

  @Test
  void nothingAnywhereIsNone() {
    ResolvedDemographics r = DemographicsResolver.resolve("nan", "U", "Fever and cough for two days.");
    assertNull(r.ageYears());
    assertEquals("none", r.ageSource());
    assertNull(r.gender());
    assertEquals("none", r.genderSource());
  }

  @Test
  void fieldGenderKeptEvenWhenProseDisagrees() {
    // the structured field is the curated value; prose is only a fallback
    assertEquals("M", DemographicsResolver.resolve("", "M", NOTE).gender());
  }
}
