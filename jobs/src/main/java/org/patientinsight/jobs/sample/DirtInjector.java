package org.patientinsight.jobs.sample;

import java.util.SplittableRandom;

/**
 * Spoils one field of an otherwise clean case the way real PMC-Patients exports are spoiled.
 * Every change except {@link DirtType#EMPTY_NOTE} leaves the case usable: the prose still
 * states age and sex, and markup or odd characters wrap text that cleans back to the original.
 */
final class DirtInjector {

  private DirtInjector() {
  }

  static SampleCase malformedAge(SampleCase c, SplittableRandom rng) {
    String amount = trimZero(c.age());
    String bad = switch (rng.nextInt(6)) {
      case 0 -> "[[" + amount + " 'year']]";              // missing comma
      case 1 -> "[[" + amount + ", 'yrs old']]";          // unknown unit
      case 2 -> "[[" + amount + ", 'year']";              // unclosed
      case 3 -> "[[-" + amount + ", 'year']]";            // negative
      case 4 -> amount + " years";                         // not a literal at all
      default -> "[['" + amount + "', 'year']]";           // quoted number
    };
    return c.withDirt(DirtType.MALFORMED_AGE, c.patient(), bad, c.gender());
  }

  static SampleCase missingAge(SampleCase c, SplittableRandom rng) {
    String[] forms = {"", "[]", "nan"};
    return c.withDirt(DirtType.MISSING_AGE, c.patient(), forms[rng.nextInt(forms.length)], c.gender());
  }

  static SampleCase missingGender(SampleCase c) {
    return c.withDirt(DirtType.MISSING_GENDER, c.patient(), c.age(), "");
  }

  static SampleCase unknownGender(SampleCase c, SplittableRandom rng) {
    String[] forms = {"U", "U", "U", "u", "Unknown"};
    return c.withDirt(DirtType.UNKNOWN_GENDER, c.patient(), c.age(), forms[rng.nextInt(forms.length)]);
  }

  static SampleCase emptyNote(SampleCase c, SplittableRandom rng) {
    String[] forms = {"", " ", "\n", "<p></p>", "N/A", "&nbsp;"};
    return c.withDirt(DirtType.EMPTY_NOTE, forms[rng.nextInt(forms.length)], c.age(), c.gender());
  }

  /** The long text is the intended note here, not damage to it, so it is also the "before dirt" note. */
  static SampleCase hugeNote(SampleCase c, String hugeNote) {
    return new SampleCase(c.patientId(), c.patientUid(), c.pmid(), c.filePath(), c.title(), hugeNote, c.age(),
        c.gender(), c.relevantArticles(), c.similarPatients(), c.trueAgeYears(), c.trueSex(), DirtType.HUGE_NOTE,
        hugeNote);
  }

  /** Paragraphs in p tags, a few words in inline tags, symbols as named and numeric entities. */
  static SampleCase htmlMarkup(SampleCase c, SplittableRandom rng) {
    String[] paragraphs = c.patient().split("\n+");
    StringBuilder sb = new StringBuilder(c.patient().length() + 200);
    for (String p : paragraphs) {
      String html = p.replace("&", "&amp;")
          .replace("°", rng.nextBoolean() ? "&deg;" : "&#176;")
          .replace("×", "&times;")
          .replace("μ", "&#x3BC;")
          .replace("Physical examination", "<b>Physical examination</b>")
          .replace(" mmHg", "&nbsp;mmHg")
          .replace("'s ", "&#39;s ");
      html = italiciseFirstLongWord(html);
      sb.append(rng.nextBoolean() ? "<p>" : "<p class=\"para\">").append(html).append("</p>");
      sb.append(rng.nextBoolean() ? "\n" : "<br/>");
    }
    return c.withDirt(DirtType.HTML_MARKUP, sb.toString(), c.age(), c.gender());
  }

  /**
   * Control characters and odd Unicode at word boundaries (so cleaned text is unchanged): a
   * byte-order mark, zero-width spaces, non-breaking and em spaces, vertical tab, form feed,
   * bell, escape, soft hyphens, a full-width number and an "fi" ligature.
   */
  static SampleCase controlAndUnicode(SampleCase c, SplittableRandom rng) {
    String[] spaces = {"\u00A0", "\u2003", " \u000B ", " \u000C ", " \u0007", "\u001B ", " \u200B", "\u202F"};
    String note = c.patient();
    StringBuilder sb = new StringBuilder(note.length() + 64).append('\uFEFF');
    int words = 0;
    for (int i = 0; i < note.length(); i++) {
      char ch = note.charAt(i);
      if (ch == ' ' && ++words % 7 == 0) {
        sb.append(spaces[rng.nextInt(spaces.length)]);
      } else {
        sb.append(ch);
      }
    }
    String odd = sb.toString()
        .replaceFirst("examination", "exami\u00ADnation")  // soft hyphen inside a word
        .replaceFirst("\\bfi", "\uFB01")                    // ligature, NFKC gives "fi" back
        .replaceFirst("mmHg", "mm\u200BHg");
    odd = fullWidthFirstNumberAfterOpening(odd);
    return c.withDirt(DirtType.CONTROL_AND_UNICODE, odd, c.age(), c.gender());
  }

  private static String italiciseFirstLongWord(String html) {
    int start = html.indexOf(" presented ");
    if (start < 0) {
      return html;
    }
    return html.substring(0, start + 1) + "<i>presented</i>" + html.substring(start + 10);
  }

  /** Digits of the first blood pressure become full-width (NFKC maps them back). */
  private static String fullWidthFirstNumberAfterOpening(String s) {
    int at = s.indexOf("blood pressure ");
    if (at < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s);
    for (int i = at + "blood pressure ".length(); i < sb.length() && Character.isDigit(sb.charAt(i)); i++) {
      sb.setCharAt(i, (char) ('\uFF10' + (sb.charAt(i) - '0')));
    }
    return sb.toString();
  }

  /** "[[58.0, 'year']]" gives "58"; compound literals give their first amount. */
  private static String trimZero(String literal) {
    String digits = literal.replaceAll("^\\[\\[([0-9.]+),.*$", "$1");
    return digits.endsWith(".0") ? digits.substring(0, digits.length() - 2) : digits;
  }
}
