package org.patientinsight.serving.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.retrieval.RetrievedCase;

class ExtractiveGeneratorTest {
  private static final RetrievedCase CASE = new RetrievedCase("7-1", "7", "A title", 0.8, "snip",
      40.0, "M", "A 40-year-old man presented with fever and cough. Chest x-ray revealed "
      + "consolidation. He was treated with amoxicillin. He recovered fully and was discharged.");

  @Test
  void reportHasLabelledSectionsWithCaseIds() {
    Generation g = new ExtractiveGenerator().writeReport(
        new CaseDescription("fever and cough", 41.0, "M"), List.of(CASE));
    String r = g.text();
    assertTrue(r.startsWith(ExtractiveGenerator.LABEL));
    assertTrue(r.contains("PRESENTATION\n- [7-1] A 40-year-old man presented"), r);
    assertTrue(r.contains("FINDINGS\n- [7-1] Chest x-ray revealed consolidation."), r);
    assertTrue(r.contains("TREATMENTS USED\n- [7-1] He was treated with amoxicillin."), r);
    assertTrue(r.contains("OUTCOMES REPORTED\n- [7-1] He recovered fully"), r);
    assertTrue(r.contains("RECOMMENDED APPROACH\nNot generated"));
    assertEquals(0, g.promptTokens());
  }

  @Test
  void answersQuoteMatchingSentencesOrSayNothingMatches() {
    ExtractiveGenerator gen = new ExtractiveGenerator();
    assertTrue(gen.answer("Which antibiotic, amoxicillin?", "r", List.of(CASE)).text()
        .contains("[7-1] He was treated with amoxicillin."));
    assertTrue(gen.answer("zebra", "r", List.of(CASE)).text().contains("contain nothing"));
  }
}
