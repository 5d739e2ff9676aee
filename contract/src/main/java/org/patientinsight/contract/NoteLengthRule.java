package org.patientinsight.contract;

import java.io.Serializable;
import org.patientinsight.core.config.Settings;

/**
 * The shortest cleaned note that can describe a case. One rule for both sides of the contract:
 * ingest quarantines a shorter note ({@link QuarantineCode#NOTE_TOO_SHORT}) and the quality
 * gate's Error check {@code note_min_length} demands it of every note it checks, so on a batch
 * ingest staged that check holds by construction; it guards tables written another way.
 *
 * <p>Serializable: the cleaning tasks carry it to the executors.
 *
 * @param minChars characters a note must have at least (1 or more)
 */
public record NoteLengthRule(int minChars) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The one setting, kept under the name users know from ingest. */
  public static final String SETTING = "ingest.min_note_chars";

  public NoteLengthRule {
    if (minChars < 1) {
      throw new IllegalArgumentException("minChars must be at least 1, was " + minChars);
    }
  }

  public static NoteLengthRule from(Settings settings) {
    return new NoteLengthRule(settings.getInt(SETTING, 1, 1_000_000));
  }

  /** Whether a note of this many characters is long enough. */
  public boolean accepts(int noteChars) {
    return noteChars >= minChars;
  }
}
