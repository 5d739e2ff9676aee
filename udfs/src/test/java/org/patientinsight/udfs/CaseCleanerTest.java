package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.contract.NoteLengthRule;
import org.patientinsight.contract.QuarantineCode;

class CaseCleanerTest {

  private static final String NOTE = "A 58-year-old woman presented with chest pain. BP 145/89 mmHg, T 39 °C.";
  // shorter than the shipped 50, so the short notes below are usable ones
  private final CaseCleaner cleaner = new CaseCleaner(new NoteLengthRule(20));

  private static RawCase raw(String uid, String note, String age, String gender, String rel, String sim) {
    return new RawCase("0", uid, " 32320506 ", "oa_comm/x.xml", "A <i>rare</i> case", note, age, gender, rel, sim);
  }

  private static RawCase good() {
    return raw("32320506-1", NOTE, "[[58.0, 'year']]", "F", "{'1234567': 1}", "{'32320506-2': 1}");
  }

  @Test
  void cleansAUsableRow() {
    CleanedCase c = cleaner.clean(good());
    assertFalse(c.quarantined());
    assertEquals("32320506-1", c.patientUid());
    assertEquals("32320506", c.pmid());
    assertEquals("A rare case", c.title());
    assertEquals(NOTE, c.note());
    assertEquals(NOTE.length(), c.noteChars());
    assertEquals(58.0, c.ageYears());
    assertEquals("field", c.ageSource());
    assertEquals("F", c.gender());
    assertEquals("field", c.genderSource());
    assertEquals(Map.of("1234567", 1), c.relevantArticles());
    assertEquals(Map.of("32320506-2", 1), c.similarPatients());
    assertTrue(c.contentHash().matches("[0-9a-f]{64}"));
  }

  @Test
  void missingUidIsQuarantined() {
    CleanedCase c = cleaner.clean(raw("  ", NOTE, "[[58.0, 'year']]", "F", "{}", "{}"));
    assertEquals(List.of(QuarantineCode.MISSING_PATIENT_UID), codes(c));
    assertTrue(cleaner.clean(raw(null, NOTE, "", "", "{}", "{}")).quarantined());
  }

  @Test
  void emptyAndTooShortNotesAreQuarantined() {
    assertEquals(List.of(QuarantineCode.EMPTY_NOTE), codes(cleaner.clean(raw("1-1", "", "", "", "{}", "{}"))));
    assertEquals(List.of(QuarantineCode.EMPTY_NOTE),
        codes(cleaner.clean(raw("1-1", " <p>\u200B</p>&nbsp; ", "", "", "{}", "{}"))));
    CleanedCase shortNote = cleaner.clean(raw("1-1", "Fever.", "", "", "{}", "{}"));
    assertEquals(List.of(QuarantineCode.NOTE_TOO_SHORT), codes(shortNote));
    assertEquals("patient note has 6 characters after cleaning; minimum is 20", shortNote.reasons().get(0).message());
    assertFalse(new CaseCleaner(new NoteLengthRule(5)).clean(raw("1-1", "Fever.", "", "", "{}", "{}")).quarantined());
  }

  @Test
  void malformedDictsAreQuarantinedWithoutEchoingContent() {
    CleanedCase c = cleaner.clean(raw("1-1", NOTE, "", "", "{'1': }", "{'2': 1"));
    assertEquals(List.of(QuarantineCode.MALFORMED_RELEVANT_ARTICLES, QuarantineCode.MALFORMED_SIMILAR_PATIENTS),
        codes(c));
    assertTrue(c.reasons().get(0).message().startsWith("relevant_articles is not a Python dict literal: dict: "));
    c.reasons().forEach(r -> assertFalse(r.message().contains("{'")));
  }

  @Test
  void severalProblemsAreAllReported() {
    assertEquals(List.of(QuarantineCode.MISSING_PATIENT_UID, QuarantineCode.EMPTY_NOTE,
        QuarantineCode.MALFORMED_RELEVANT_ARTICLES), codes(cleaner.clean(raw("", "", "", "", "x", ""))));
  }

  @Test
  void ageAndSexProblemsAreNotQuarantinedButSourced() {
    CleanedCase malformedAge = cleaner.clean(raw("1-1", NOTE, "[[58, 'yeer']]", "U", "{}", "{}"));
    assertFalse(malformedAge.quarantined());
    assertEquals(58.0, malformedAge.ageYears());
    assertEquals("text", malformedAge.ageSource());
    assertEquals("F", malformedAge.gender());
    assertEquals("text", malformedAge.genderSource());

    CleanedCase nothing = cleaner.clean(raw("1-1", "Fever and cough for two days without relief.", "", "", "{}", "{}"));
    assertFalse(nothing.quarantined());
    assertEquals("none", nothing.ageSource());
    assertEquals("none", nothing.genderSource());
  }

  @Test
  void dirtyButUsableTextIsCleanedNotQuarantined() {
    String dirty = "<p>A 58-year-old woman&nbsp;presented\u0000 with chest pain.</p> BP 145/89&#160;mmHg, T 39 &deg;C.";
    CleanedCase c = cleaner.clean(raw("1-1", dirty, "[[58.0, 'year']]", "F", "{}", "{}"));
    assertFalse(c.quarantined());
    assertEquals(NOTE, c.note());
  }

  @Test
  void hashIsStableForTheSameContentAndChangesWithAnyPublishedField() {
    String base = cleaner.clean(good()).contentHash();
    assertEquals(base, cleaner.clean(good()).contentHash());
    // the same dict in another order is the same content; formatting-only note changes too
    assertEquals(base, cleaner.clean(raw("32320506-1", "  " + NOTE.replace(" ", "  ") + " ", "[[58, 'years']]", " f ",
        "{'1234567':1}", "{\"32320506-2\": 1}")).contentHash());

    List<RawCase> edits = List.of(
        raw("32320506-9", NOTE, "[[58.0, 'year']]", "F", "{'1234567': 1}", "{'32320506-2': 1}"),
        raw("32320506-1", NOTE + " Edited.", "[[58.0, 'year']]", "F", "{'1234567': 1}", "{'32320506-2': 1}"),
        raw("32320506-1", NOTE, "[[59.0, 'year']]", "F", "{'1234567': 1}", "{'32320506-2': 1}"),
        raw("32320506-1", NOTE, "", "F", "{'1234567': 1}", "{'32320506-2': 1}"), // same age, other source
        raw("32320506-1", NOTE, "[[58.0, 'year']]", "M", "{'1234567': 1}", "{'32320506-2': 1}"),
        raw("32320506-1", NOTE, "[[58.0, 'year']]", "F", "{'1234567': 2}", "{'32320506-2': 1}"),
        raw("32320506-1", NOTE, "[[58.0, 'year']]", "F", "{'1234567': 1}", "{}"),
        new RawCase("0", "32320506-1", "32320507", "f", "A <i>rare</i> case", NOTE, "[[58.0, 'year']]", "F",
            "{'1234567': 1}", "{'32320506-2': 1}"),
        new RawCase("0", "32320506-1", " 32320506 ", "f", "Another title", NOTE, "[[58.0, 'year']]", "F",
            "{'1234567': 1}", "{'32320506-2': 1}"));
    for (RawCase edit : edits) {
      assertNotEquals(base, cleaner.clean(edit).contentHash(), edit.toString().substring(0, 60));
    }
    // relevant vs similar are separate fields: moving an entry between them changes the hash
    assertNotEquals(cleaner.clean(raw("1-1", NOTE, "", "", "{'5': 1}", "{}")).contentHash(),
        cleaner.clean(raw("1-1", NOTE, "", "", "{}", "{'5': 1}")).contentHash());
  }

  @Test
  void handlesANoteOverOneHundredThousandCharacters() {
    String huge = NOTE + " " + "Serial labs: Hb 9.8 g/dL, WBC 12.1 x 10^9/L, CRP 48 mg/L. ".repeat(2_000);
    assertTrue(huge.length() > 100_000);
    CleanedCase c = cleaner.clean(raw("1-1", huge, "", "", "{}", "{}"));
    assertFalse(c.quarantined());
    assertEquals(58.0, c.ageYears());
    assertEquals(huge.strip().length(), c.noteChars());
  }

  @Test
  void rulesRejectNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new NoteLengthRule(0));
  }

  private static List<QuarantineCode> codes(CleanedCase c) {
    return c.reasons().stream().map(QuarantineReason::code).toList();
  }
}
