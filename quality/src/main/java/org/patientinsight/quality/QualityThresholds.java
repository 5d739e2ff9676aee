package org.patientinsight.quality;

import org.patientinsight.contract.NoteLengthRule;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

/**
 * The numbers the quality gate checks against, read from the {@code quality.*} configuration
 * keys and the case contract's note-length rule. Reading validates every value, so a bad
 * threshold fails before any data is touched.
 *
 * @param minNoteChars shortest acceptable note (Error): the {@link NoteLengthRule} ingest applies
 * @param minAgeCompleteness share of rows with an age (Error)
 * @param minGenderCompleteness share of rows with a gender (Error)
 * @param maxAgeFromTextShare largest share of ages read from prose (Warning)
 * @param maxGenderFromTextShare largest share of genders read from prose (Warning)
 * @param noteLengthMaxChars notes longer than this are length outliers (Warning)
 * @param minTitleCompleteness share of rows with a title (Warning)
 * @param batchSizeMaxRate batch size may move between 1/rate and rate times the previous one
 * @param completenessMaxChange largest absolute change of age/gender completeness per run
 * @param anomalyLevel level of the cross-run anomaly checks
 */
public record QualityThresholds(
    int minNoteChars,
    double minAgeCompleteness,
    double minGenderCompleteness,
    double maxAgeFromTextShare,
    double maxGenderFromTextShare,
    int noteLengthMaxChars,
    double minTitleCompleteness,
    double batchSizeMaxRate,
    double completenessMaxChange,
    CheckLevel anomalyLevel) {

  public QualityThresholds {
    if (anomalyLevel == null) {
      throw new IllegalArgumentException("anomalyLevel must not be null");
    }
  }

  public static QualityThresholds from(Settings s) {
    double rate = s.getDouble("quality.anomaly.batch_size_max_rate", 1.0, 1_000_000.0);
    if (rate <= 1.0) {
      throw new ConfigException("quality.anomaly.batch_size_max_rate",
          "configuration key 'quality.anomaly.batch_size_max_rate' must be greater than 1, got '"
              + s.get("quality.anomaly.batch_size_max_rate") + "'");
    }
    return new QualityThresholds(
        NoteLengthRule.from(s).minChars(),
        s.getDouble("quality.min_age_completeness", 0.0, 1.0),
        s.getDouble("quality.min_gender_completeness", 0.0, 1.0),
        s.getDouble("quality.max_age_from_text_share", 0.0, 1.0),
        s.getDouble("quality.max_gender_from_text_share", 0.0, 1.0),
        s.getInt("quality.note_length_max_chars", 1, Integer.MAX_VALUE),
        s.getDouble("quality.min_title_completeness", 0.0, 1.0),
        rate,
        s.getDouble("quality.anomaly.completeness_max_change", 0.0, 1.0),
        CheckLevel.valueOf(s.getChoice("quality.anomaly.level", "warning", "error")
            .toUpperCase(java.util.Locale.ROOT)));
  }

  /** The shipped defaults. */
  public static QualityThresholds defaults() {
    return from(Settings.defaults());
  }
}
