package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemographicsExtractorTest {

  private static final double EPS = 1e-6;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
    A 58-year-old African-American woman presents to the ER with chest pain. | 58 | F
    An 8-year-old male presents in March with fever up to 39 C.              | 8  | M
    78 M with chest pain and dyspnea.                                        | 78 | M
    Patient: 45F, smoker, presented with cough.                              | 45 | F
    87 yo woman with a fall at home.                                         | 87 | F
    A 66yo female with chronic cough.                                        | 66 | F
    A 30 y.o. male with a rash.                                              | 30 | M
    A 62 y/o man with syncope.                                               | 62 | M
    A 10 year old boy with snoring.                                          | 10 | M
    A 56-year old Caucasian female complains of cold intolerance.            | 56 | F
    A 32-year-old woman, 6 weeks postpartum, presented with dyspnea.         | 32 | F
    The patient, aged 45, was admitted; he had a fever.                      | 45 | M
    A boy 5 years of age presented with a limp.                              | 5  | M
    Karen is a 72-year-old woman with hypertension.                          | 72 | F
    A twenty-two-year-old man had a seizure.                                 | 22 | M
    A 58 years old gentleman was referred.                                   | 58 | M
    A 79-year-old lady was referred.                                         | 79 | F
    """)
  void readsAgeAndSexInYears(String text, double age, String sex) {
    Demographics d = DemographicsExtractor.extract(text);
    assertEquals(age, d.ageYears(), EPS, text);
    assertEquals(sex, d.sex(), text);
  }

  @Test
  void readsInfantAgesInOtherUnits() {
    assertEquals(0.25, DemographicsExtractor.extract("a 3-month-old infant with poor feeding").ageYears(), EPS);
    assertEquals(1.5, DemographicsExtractor.extract("An 18-month-old girl was seen.").ageYears(), EPS);
    assertEquals("F", DemographicsExtractor.extract("An 18-month-old girl was seen.").sex());
    Demographics boy = DemographicsExtractor.extract("a 2-day-old boy with jaundice");
    assertEquals(2 / 365.25, boy.ageYears(), EPS);
    assertEquals("M", boy.sex());
    assertEquals(21 / 365.25, DemographicsExtractor.extract("A 3-week-old neonate").ageYears(), EPS);
    assertEquals(12 / (365.25 * 24), DemographicsExtractor.extract("A 12-hour-old female newborn").ageYears(), EPS);
    assertEquals(0.5, DemographicsExtractor.extract("aged 6 months, she was admitted").ageYears(), EPS);
  }

  @Test
  void decadeIsAFallback() {
    Demographics d = DemographicsExtractor.extract("A man in his 60s presented with dyspnea.");
    assertEquals(65.0, d.ageYears(), EPS);
    assertEquals("M", d.sex());
    assertEquals(78.0, DemographicsExtractor.extract("A woman in her late 70s fell.").ageYears(), EPS);
  }

  @Test
  void firstMentionDescribesThePatient() {
    Demographics d = DemographicsExtractor.extract(
        "A 21-year-old college student undergoes colonoscopy because of polyps in his siblings. "
            + "His brother had surgery at age 22 and his 30-year-old sister at age 28.");
    assertEquals(21.0, d.ageYears(), EPS);
    assertEquals("M", d.sex());
    Demographics mum = DemographicsExtractor.extract(
        "A 34-year-old woman brought her 2-year-old son; she reported fever.");
    assertEquals(34.0, mum.ageYears(), EPS);
    assertEquals("F", mum.sex());
  }

  @Test
  void sexFromPronounsWhenTheAgePhraseHasNoNoun() {
    Demographics d = DemographicsExtractor.extract(
        "A 10 year old child is brought in with myalgia. Two weeks ago the patient was seen by his pediatrician.");
    assertEquals(10.0, d.ageYears(), EPS);
    assertEquals("M", d.sex());
    assertEquals("F", DemographicsExtractor.extract("The patient presented with fever. She had a rash.").sex());
    assertEquals("F", DemographicsExtractor.extract("Mrs. Smith presented with a rash.").sex());
  }

  @Test
  void doesNotInventWhatIsNotThere() {
    Demographics group = DemographicsExtractor.extract(
        "A group of 14 workers is preparing a trip to Brazil. Three of the women are in different stages of pregnancy.");
    assertNull(group.ageYears());
    assertNull(group.sex());
    assertNull(DemographicsExtractor.extract("Patient presented with a 5-day history of fever of 39 C.").ageYears());
    assertNull(DemographicsExtractor.extract("A 150-year-old tradition of care.").ageYears());
    assertNull(DemographicsExtractor.extract("MR imaging showed HER2 status; 5 M NaCl was used.").sex());
    Demographics empty = DemographicsExtractor.extract("");
    assertNull(empty.ageYears());
    assertNull(empty.sex());
    assertNull(DemographicsExtractor.extract(null).sex());
  }

  @Test
  void molarAndMidSentenceLettersAreNotSex() {
    assertNull(DemographicsExtractor.extract("Treated with 3 M urea solution for the wound.").ageYears());
  }

  @Test
  void longNotesAreReadWithoutTrouble() {
    // (how fast is for the ingest benchmark, not for a unit test on a shared machine)
    String note = "A 45-year-old woman presented. " + "Vitals were stable at 120/80 mmHg and 37.0 °C. ".repeat(3_000);
    for (int i = 0; i < 50; i++) {
      assertEquals(45.0, DemographicsExtractor.extract(note).ageYears(), EPS);
    }
    String noAge = "Vitals were stable at 120/80 mmHg and 37.0 °C on day 3. ".repeat(3_000);
    for (int i = 0; i < 50; i++) {
      assertNull(DemographicsExtractor.extract(noAge).ageYears());
    }
  }
}
