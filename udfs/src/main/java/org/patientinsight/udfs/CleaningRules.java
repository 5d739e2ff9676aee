package org.patientinsight.udfs;

/**
 * Thresholds for {@link CaseCleaner}.
 *
 * @param minNoteChars notes shorter than this after cleaning cannot describe a case
 */
public record CleaningRules(int minNoteChars) {

  public static final int DEFAULT_MIN_NOTE_CHARS = 20;

  public CleaningRules {
    if (minNoteChars < 1) {
      throw new IllegalArgumentException("minNoteChars must be at least 1, was " + minNoteChars);
    }
  }

  public static CleaningRules defaults() {
    return new CleaningRules(DEFAULT_MIN_NOTE_CHARS);
  }
}
