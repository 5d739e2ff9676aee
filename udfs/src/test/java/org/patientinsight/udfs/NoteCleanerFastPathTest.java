package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cleaner's fast paths (no NFKC scan for ASCII text, no Unicode look-up for printable
 * ASCII, spaces collapsed without a regex) give exactly what the plain steps gave, so content
 * hashes do not move.
 */
class NoteCleanerFastPathTest {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final String[] PIECES = {"a", "Z", "9", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u007F",
      "\u0007", "\u00A0", "\u2003", "\u3000", "\u200B", "\u00AD", "\uFEFF", "\u2028", "\uFB01", "\u00BD", "\uFF21",
      "é", "e\u0301", "°C", "µ", "\u00B5", "mg/kg", "&amp;", "&lt;b&gt;", "<p>", "</div>", "m<sup>2</sup>", "BP < 90"};

  /** The steps as they were, one after another, each on the whole text. */
  private static String plainSteps(String afterEntities) {
    String s = Normalizer.normalize(afterEntities, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int type = Character.getType(c);
      boolean control = type == Character.CONTROL;
      boolean format = type == Character.FORMAT;
      boolean space = type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR;
      if (control || space && c != ' ') {
        out.append(' ');
      } else if (!format) {
        out.append(c);
      }
    }
    return WHITESPACE.matcher(out).replaceAll(" ").strip();
  }

  @Test
  void fastPathsMatchThePlainStepsOnGeneratedText() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = rng.nextInt(12);
      boolean ascii = rng.nextBoolean();
      for (int k = 0; k < n; k++) {
        String p = PIECES[rng.nextInt(PIECES.length)];
        if (!ascii || p.chars().allMatch(c -> c < 0x80)) {
          b.append(p);
        }
      }
      String text = b.toString().replace("<", "(").replace(">", ")"); // no markup: the tail steps only
      assertEquals(MarkupGuard.escapeTags(plainSteps(HtmlEntities.decode(text))), NoteCleaner.clean(text),
          "input: " + text);
    }
  }
}
