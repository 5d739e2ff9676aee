package org.patientinsight.quality.report;

import java.util.Locale;

/**
 * Where every row read by a run went. The books balance when
 * {@code read = inserted + updated + unchanged + quarantined + superseded}.
 *
 * @param read raw records read
 * @param inserted new cases merged into {@code cases}
 * @param updated existing cases whose content changed
 * @param unchanged cases already present with the same content hash
 * @param quarantined records set aside with a reason
 * @param superseded records replaced by a newer record for the same patient_uid in the batch
 */
public record RunCounts(long read, long inserted, long updated, long unchanged,
    long quarantined, long superseded) {

  public RunCounts {
    if (read < 0 || inserted < 0 || updated < 0 || unchanged < 0 || quarantined < 0
        || superseded < 0) {
      throw new IllegalArgumentException("run counts must not be negative");
    }
  }

  /** Rows merged into {@code cases}. */
  public long published() {
    return inserted + updated;
  }

  public long accountedFor() {
    return inserted + updated + unchanged + quarantined + superseded;
  }

  public boolean balances() {
    return read == accountedFor();
  }

  /** "read 1,000 = inserted 900 + updated 50 + unchanged 0 + quarantined 40 + superseded 10". */
  public String reconciliationLine() {
    return String.format(Locale.ROOT,
        "read %,d %s inserted %,d + updated %,d + unchanged %,d + quarantined %,d + superseded %,d",
        read, balances() ? "=" : "≠", inserted, updated, unchanged, quarantined, superseded);
  }
}
