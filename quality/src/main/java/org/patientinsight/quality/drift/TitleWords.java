package org.patientinsight.quality.drift;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which title words may name a topic cluster: lower-case letter runs of at least
 * {@link #MIN_LENGTH} letters that are not function words or the case-report boilerplate every
 * title shares ("case", "report", "patient"). Titles are article titles, not notes; no note
 * text is ever used to name anything.
 */
public final class TitleWords {
  public static final int MIN_LENGTH = 4;
  /** Letter runs; the Spark side splits with the same pattern. */
  public static final String SPLIT_REGEX = "[^\\p{L}]+";
  private static final Pattern SPLIT = Pattern.compile(SPLIT_REGEX);

  public static final Set<String> STOPWORDS = Set.of(
      "with", "from", "that", "this", "their", "after", "into", "over", "under", "than", "then", "when", "while",
      "also", "both", "during", "among", "without", "within", "between", "about", "which", "whose", "other",
      "case", "cases", "report", "reports", "reported", "patient", "patients", "presenting", "presentation",
      "review", "literature", "rare", "unusual", "associated", "treated", "treatment", "year", "years", "old",
      "female", "male", "woman", "women", "successful", "management", "novel", "clinical", "diagnosis");

  private TitleWords() {
  }

  public static boolean usable(String word) {
    return word.length() >= MIN_LENGTH && !STOPWORDS.contains(word);
  }

  /** The usable words of one title, lower-cased, in order (tests and small inputs). */
  public static java.util.List<String> of(String title) {
    if (title == null) {
      return java.util.List.of();
    }
    return SPLIT.splitAsStream(title.toLowerCase(java.util.Locale.ROOT)).filter(TitleWords::usable).toList();
  }
}
