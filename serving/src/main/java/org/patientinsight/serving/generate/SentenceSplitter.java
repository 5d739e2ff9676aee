package org.patientinsight.serving.generate;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a case note into sentences (JDK sentence rules; good enough for clinical prose). */
final class SentenceSplitter {
  private SentenceSplitter() {}

  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(text);
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = text.substring(start, end).strip();
      if (s.length() >= 15) {
        out.add(s);
      }
    }
    return out;
  }
}
