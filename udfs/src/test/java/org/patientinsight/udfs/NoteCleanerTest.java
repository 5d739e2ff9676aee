package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoteCleanerTest {

  @Test
  void nullAndBlankBecomeEmpty() {
    assertEquals("", NoteCleaner.clean(null));
    assertEquals("", NoteCleaner.clean(""));
    assertEquals("", NoteCleaner.clean(" \n\t\u00A0\u200B "));
  }

  @Test
  void keepsClinicalNumbersUnitsAndPunctuation() {
    String note = "T 39 °C, BP 145/89 mmHg, HR 110 bpm; methotrexate 2.5 mg/kg (q.d.) - SpO2 92%. "
        + "Na+ 128 mmol/L, K+ 3.1; INR 1.2? \"yes\" [ref] 'x' #3 @ 10:30 & CRP < 5 mg/L, WBC > 11 x 10^9/L.";
    assertEquals(note, NoteCleaner.clean(note));
  }

  @Test
  void decodesNamedAndNumericEntities() {
    assertEquals("fever 39 °C & BP < 90/60 \"low\"",
        NoteCleaner.clean("fever 39&nbsp;&deg;C &amp; BP &lt; 90/60 &quot;low&quot;"));
    assertEquals("39 °C 40 °C – 5 μg", NoteCleaner.clean("39 &#176;C 40 &#xB0;C &ndash; 5 &micro;g"));
    assertEquals("He said it's fine", NoteCleaner.clean("He said it&#39;s fine"));
  }

  @Test
  void leavesUnknownOrBrokenEntitiesAsText() {
    assertEquals("AT&T and &bogus; and & alone and &#xZZ;",
        NoteCleaner.clean("AT&T and &bogus; and & alone and &#xZZ;"));
  }

  @Test
  void stripsTagsButKeepsComparisons() {
    assertEquals("Bold italic text. Next para.",
        NoteCleaner.clean("<p><b>Bold</b> <i class=\"x\">italic</i> text.</p><p>Next para.</p>"));
    assertEquals("BSA 1.8 m2", NoteCleaner.clean("BSA 1.8 m<sup>2</sup>"));
    assertEquals("line one line two", NoteCleaner.clean("line one<br/>line two"));
    assertEquals("if BP < 90 and HR > 120 then", NoteCleaner.clean("if BP < 90 and HR > 120 then"));
    assertEquals("a b", NoteCleaner.clean("a <!-- hidden\ncomment --> b"));
  }

  @Test
  void encodedMarkupStaysTextAndNeverBecomesALiveTag() {
    assertEquals("the &lt;b&gt; tag", NoteCleaner.clean("the &lt;b&gt; tag"));
    assertEquals("seen &lt;img src=x onerror=alert(1)&gt; here",
        NoteCleaner.clean("seen &lt;img src=x onerror=alert(1)&gt; here"));
    assertEquals("&lt;script&gt;x&lt;/script&gt;", NoteCleaner.clean("&#60;script&#x3E;x&#60;/script&#62;"));
    // NFKC folds full-width brackets to ASCII ones: that must not make a tag either
    assertEquals("&lt;img src=x onerror=alert(1)&gt;", NoteCleaner.clean("\uFF1Cimg src=x onerror=alert(1)\uFF1E"));
    // a tag shape the tag patterns do not remove is escaped, not kept
    assertEquals("a &lt;svg/onload=alert(1)&gt; b", NoteCleaner.clean("a <svg/onload=alert(1)> b"));
    // comparisons are not markup: decoded, as before
    assertEquals("BP < 90 and HR > 120", NoteCleaner.clean("BP &lt; 90 and HR &gt; 120"));
    assertEquals("if x<5 then y>3", NoteCleaner.clean("if x&lt;5 then y&gt;3"));
  }

  @Test
  void dropsControlCharactersAndInvisibleFormatting() {
    assertEquals("fever and cough", NoteCleaner.clean("fever\u0000 and\u0007 cough\u001F"));
    assertEquals("zero width gone", NoteCleaner.clean("zero\u200B width\uFEFF go\u00ADne"));
    assertEquals("a b c d", NoteCleaner.clean("a\u00A0b\u2003c\u3000d"));
    assertEquals("tabs and lines", NoteCleaner.clean("tabs\tand\r\n\nlines"));
  }

  @Test
  void normalisesUnicodeCompatibilityForms() {
    assertEquals("Fullwidth 123 ABC", NoteCleaner.clean("Ｆｕｌｌｗｉｄｔｈ １２３ ＡＢＣ"));
    assertEquals("fi ligature", NoteCleaner.clean("\uFB01 ligature"));
    assertEquals("38.5 °C", NoteCleaner.clean("38.5 \u2103"));
    assertEquals("café", NoteCleaner.clean("cafe\u0301")); // composed form
  }

  @Test
  void collapsesWhitespace() {
    assertEquals("a b c", NoteCleaner.clean("  a \n\n  b\t\t c  "));
  }

  @Test
  void handlesAVeryLongNote() {
    // (how fast is for the ingest benchmark, not for a unit test on a shared machine)
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 150_000) {
      sb.append("<p>The patient&#39;s temperature was 38.5&deg;C and BP 120/80 mmHg.\u200B</p>\n");
    }
    String out = NoteCleaner.clean(sb.toString());
    assertTrue(out.startsWith("The patient's temperature was 38.5°C and BP 120/80 mmHg. The"), out.substring(0, 80));
    assertTrue(out.length() > 100_000);
    assertTrue(!out.contains("<") && !out.contains("&") && !out.contains("\u200B"));
  }

  @Test
  void unclosedAngleBracketRunDoesNotBlowUp() {
    String s = "<a" + " x".repeat(50_000);
    assertEquals(s.length(), NoteCleaner.clean(s).length());
  }
}
