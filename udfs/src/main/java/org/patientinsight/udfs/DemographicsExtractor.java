package org.patientinsight.udfs;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the patient's age and sex from case-report prose, as clinicians write them:
 * "A 58-year-old African-American woman", "An 8-year-old male", "78 M", "87 yo woman",
 * "a 3-month-old infant", "aged 45", "A man in his 60s".
 *
 * <p>Case reports introduce the patient first, so the earliest explicit age phrase wins and the
 * sex comes from the words right after it ("58-year-old nonsmoker white female"). Without
 * that, the gendered nouns and pronouns near the start vote. Only the head of the note is
 * scanned, which keeps the cost flat on 100,000-character notes.
 */
public final class DemographicsExtractor {

  static final int AGE_SCAN_CHARS = 20_000;
  static final int SEX_SCAN_CHARS = 3_000;
  private static final int WINDOW_CHARS = 150;
  private static final double MAX_AGE_YEARS = 120.0;

  private static final String WORD_NUMBER = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
      + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
      + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
      + "|one|two|three|four|five|six|seven|eight|nine)";
  private static final String NUMBER = "(\\d{1,3}(?:\\.\\d+)?|" + WORD_NUMBER + ")";
  private static final String UNIT = "(years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?)";
  private static final int CI = Pattern.CASE_INSENSITIVE;

  /** "58-year-old", "10 year old", "56-year old", "3-month-old", "58 years old". */
  private static final Pattern N_UNIT_OLD = Pattern.compile(
      "(?<![\\w.])" + NUMBER + "\\s*-?\\s*" + UNIT + "\\s*-?\\s*old\\b", CI);
  /** "44 yo", "66yo", "87 y/o", "30 y.o.". */
  private static final Pattern N_YO = Pattern.compile(
      "(?<![\\w.])" + NUMBER + "\\s*-?\\s*(?:yo|y/o|y\\.o\\.?)(?![a-z])", CI);
  /** "5 years of age". */
  private static final Pattern N_UNIT_OF_AGE = Pattern.compile(
      "(?<![\\w.])" + NUMBER + "\\s+" + UNIT + "\\s+of\\s+age\\b", CI);
  /** "aged 45", "aged 3 months". */
  private static final Pattern AGED_N = Pattern.compile(
      "\\baged\\s+" + NUMBER + "(?:\\s*-?\\s*" + UNIT + "\\b)?", CI);
  /**
   * "78 M", "45F" at the start of the note or a sentence, or after "a"/"patient:"; M/F must be
   * capitals. Not after ";" or ":" in general, where "5 M NaCl" (molar) is common.
   */
  private static final Pattern N_SEX_LETTER = Pattern.compile(
      "(?:^|[.!?]\\s+|\\b(?:[Aa]n?|[Pp]atient:?|[Pp]t:?)\\s+)(\\d{1,3})\\s?([MF])(?![A-Za-z0-9])");
  /** Weaker: "at the age of 45" is often a past event, so only used when nothing above matched. */
  private static final Pattern AGE_OF_N = Pattern.compile(
      "\\bage\\s+of\\s+" + NUMBER + "(?:\\s*" + UNIT + "\\b)?", CI);
  /** Weaker: "a man in his 60s", "in her early thirties" is not covered. */
  private static final Pattern DECADE = Pattern.compile(
      "\\bin\\s+(?:his|her|their)\\s+(?:(early|mid|late)[- ]?)?(\\d)0'?s\\b", CI);

  private static final Pattern SEX_WORD = Pattern.compile(
      "\\b(woman|man|female|male|girl|boy|lady|gentleman|she|he|her|hers|herself|him|his|himself"
          + "|pregnant|postpartum|gravida|primigravida|multigravida)\\b", CI);
  private static final Pattern HONORIFIC = Pattern.compile("\\b(Mrs|Mr|Ms)\\.");
  private static final Pattern LEADING_SEX_LETTER = Pattern.compile("^\\s*,?\\s*([MF])(?![A-Za-z0-9])");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?;]\\s|[.!?]$");

  private static final Map<String, Integer> WORD_VALUES = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
      Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
      Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
      Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
      Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));

  private DemographicsExtractor() {
  }

  public static Demographics extract(String text) {
    if (text == null || text.isBlank()) {
      return new Demographics(null, null);
    }
    String head = text.length() > AGE_SCAN_CHARS ? text.substring(0, AGE_SCAN_CHARS) : text;
    AgeMention age = findAge(head);
    String sex = age == null ? null : sexNear(head, age);
    if (sex == null) {
      sex = sexByVote(head.length() > SEX_SCAN_CHARS ? head.substring(0, SEX_SCAN_CHARS) : head);
    }
    return new Demographics(age == null ? null : age.years, sex);
  }

  /** Where an age was stated, its value, and the sex letter if written as "78 M". */
  private record AgeMention(double years, int start, int end, String sexLetter) {
  }

  private static AgeMention findAge(String text) {
    AgeMention best = null;
    best = earlier(best, firstAge(N_UNIT_OLD, text, 2));
    best = earlier(best, firstAge(N_YO, text, 0));
    best = earlier(best, firstAge(N_UNIT_OF_AGE, text, 2));
    best = earlier(best, firstAge(AGED_N, text, 2));
    best = earlier(best, firstSexLetterAge(text));
    if (best != null) {
      return best;
    }
    best = earlier(null, firstAge(AGE_OF_N, text, 2));
    return earlier(best, firstDecade(text));
  }

  private static AgeMention earlier(AgeMention a, AgeMention b) {
    if (a == null) {
      return b;
    }
    return b != null && b.start < a.start ? b : a;
  }

  /** First match of {@code p} giving a plausible age; group 1 is the number, unitGroup the unit (0: years). */
  private static AgeMention firstAge(Pattern p, String text, int unitGroup) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      Double number = number(m.group(1));
      String unit = unitGroup > 0 ? m.group(unitGroup) : null;
      if (number != null) {
        double years = number * yearsPerUnit(unit);
        if (years <= MAX_AGE_YEARS) {
          return new AgeMention(years, m.start(), m.end(), null);
        }
      }
    }
    return null;
  }

  private static AgeMention firstSexLetterAge(String text) {
    Matcher m = N_SEX_LETTER.matcher(text);
    while (m.find()) {
      double years = Double.parseDouble(m.group(1));
      if (years <= MAX_AGE_YEARS) {
        return new AgeMention(years, m.start(1), m.end(), m.group(2));
      }
    }
    return null;
  }

  private static AgeMention firstDecade(String text) {
    Matcher m = DECADE.matcher(text);
    if (!m.find()) {
      return null;
    }
    int decade = Integer.parseInt(m.group(2)) * 10;
    String part = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
    int offset = switch (part) {
      case "early" -> 2;
      case "late" -> 8;
      default -> 5;
    };
    return new AgeMention(decade + offset, m.start(), m.end(), null);
  }

  private static Double number(String token) {
    String t = token.toLowerCase(Locale.ROOT);
    if (Character.isDigit(t.charAt(0))) {
      return Double.parseDouble(t);
    }
    String[] parts = t.split("[- ]");
    Integer tens = WORD_VALUES.get(parts[0]);
    Integer units = parts.length > 1 ? WORD_VALUES.get(parts[1]) : Integer.valueOf(0);
    return tens == null || units == null ? null : (double) (tens + units);
  }

  private static double yearsPerUnit(String unit) {
    if (unit == null) {
      return 1.0;
    }
    String u = unit.toLowerCase(Locale.ROOT);
    if (u.startsWith("y")) {
      return 1.0;
    }
    if (u.startsWith("mo")) {
      return 1.0 / 12.0;
    }
    if (u.startsWith("w")) {
      return 7.0 / 365.25;
    }
    if (u.startsWith("d")) {
      return 1.0 / 365.25;
    }
    return 1.0 / (365.25 * 24.0); // hours
  }

  /** Sex stated with the age: "78 M", "44 yo male", "58-year-old nonsmoker white female", "a woman, 45 years old". */
  private static String sexNear(String text, AgeMention age) {
    if (age.sexLetter != null) {
      return age.sexLetter;
    }
    int sentenceEnd = sentenceEndAfter(text, age.end);
    String after = text.substring(age.end, Math.min(sentenceEnd, age.end + WINDOW_CHARS));
    Matcher letter = LEADING_SEX_LETTER.matcher(after);
    if (letter.find()) {
      return letter.group(1);
    }
    String sex = firstSexWord(after);
    if (sex != null) {
      return sex;
    }
    int sentenceStart = sentenceStartBefore(text, age.start);
    return firstSexWord(text.substring(Math.max(sentenceStart, age.start - WINDOW_CHARS), age.start));
  }

  private static int sentenceEndAfter(String text, int from) {
    Matcher m = SENTENCE_END.matcher(text);
    return m.find(from) ? m.start() : text.length();
  }

  private static int sentenceStartBefore(String text, int before) {
    int start = 0;
    Matcher m = SENTENCE_END.matcher(text).region(0, before);
    while (m.find()) {
      start = m.end();
    }
    return start;
  }

  private static String firstSexWord(String window) {
    Matcher m = SEX_WORD.matcher(window);
    return m.find() ? sexOf(m.group(1)) : null;
  }

  /** Gendered words near the start vote; a tie goes to the first one. */
  private static String sexByVote(String head) {
    int female = 0;
    int male = 0;
    String first = null;
    Matcher m = SEX_WORD.matcher(head);
    while (m.find()) {
      String s = sexOf(m.group(1));
      first = first == null ? s : first;
      if ("F".equals(s)) {
        female++;
      } else {
        male++;
      }
    }
    Matcher h = HONORIFIC.matcher(head);
    while (h.find()) {
      String s = h.group(1).equals("Mr") ? "M" : "F";
      first = first == null ? s : first;
      if ("F".equals(s)) {
        female += 2;
      } else {
        male += 2;
      }
    }
    if (female == male) {
      return female == 0 ? null : first;
    }
    return female > male ? "F" : "M";
  }

  private static String sexOf(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "man", "male", "boy", "gentleman", "he", "him", "his", "himself" -> "M";
      default -> "F";
    };
  }
}
