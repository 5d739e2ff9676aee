package org.patientinsight.jobs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.vector.VectorRecord;

class CaseRecordsTest {
  private static final float[] V = {0.6f, 0.8f};

  @Test
  void carriesServingMetadataAndTheNoteOnlyWhenAsked() {
    String note = "A 58-year-old woman presented with fever.\nShe recovered.";
    VectorRecord local = CaseRecords.of("123-1", V, "123", "  A case of fever \n", 58.0, "F",
        note, "abc", 500, true);
    Map<String, Object> md = local.metadata();
    assertEquals("123-1", local.id());
    assertEquals("123", md.get("pmid"));
    assertEquals("A case of fever", md.get("title"), "title trimmed");
    assertEquals(58.0, md.get("age_years"));
    assertEquals("F", md.get("gender"));
    assertEquals("A 58-year-old woman presented with fever. She recovered.", md.get("snippet"));
    assertEquals("abc", md.get("content_hash"));
    assertEquals(note, md.get("text"));

    VectorRecord remote = CaseRecords.of("123-1", V, "123", "t", 58.0, "F", note, "abc", 500, false);
    assertFalse(remote.metadata().containsKey("text"), "the whole note goes to the local index only");
  }

  @Test
  void leavesOutMissingValues() {
    Map<String, Object> md = CaseRecords.of("9-1", V, null, " ", null, null, "Some note text.",
        "h", 500, true).metadata();
    assertFalse(md.containsKey("pmid"));
    assertFalse(md.containsKey("title"));
    assertFalse(md.containsKey("age_years"));
    assertFalse(md.containsKey("gender"));
    assertTrue(md.containsKey("snippet"));
  }

  @Test
  void snippetIsBoundedAndCutsAtAWord() {
    String note = "word ".repeat(300);
    String s = CaseRecords.snippet(note, 500);
    assertTrue(s.length() <= 500, "length " + s.length());
    assertTrue(s.endsWith("word…"), s.substring(s.length() - 10));
  }

  @Test
  void snippetNeverSplitsASurrogatePair() {
    String note = "a".repeat(498) + "\uD83D\uDE00" + "tail";
    String s = CaseRecords.snippet(note, 500);
    assertEquals("a".repeat(498) + "…", s);
    assertTrue(s.length() <= 500);
  }
}
