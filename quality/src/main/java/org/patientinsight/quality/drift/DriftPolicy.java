package org.patientinsight.quality.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patientinsight.core.config.Settings;

/**
 * When drift is flagged: KS D ≥ {@code ksDAlert} (the seed's "15 % deviation") or PSI ≥
 * {@code psiAlert} alerts; PSI in [{@code psiWarn}, {@code psiAlert}) warns. A batch with fewer
 * than {@code minBatchRows} rows carrying an age (the rows the statistics rest on) is reported
 * but never alerts or warns, and the reason says so; the same holds for a baseline that small.
 */
public record DriftPolicy(double ksDAlert, double psiAlert, double psiWarn, long minBatchRows) {
  public static final String KS_D_ALERT = "drift.ks_d_alert";
  public static final String PSI_ALERT = "drift.psi_alert";
  public static final String PSI_WARN = "drift.psi_warn";
  public static final String MIN_BATCH_ROWS = "drift.min_batch_rows";
  public static final String BIN_WIDTH_YEARS = "drift.bin_width_years";

  public DriftPolicy {
    if (!(ksDAlert > 0 && ksDAlert <= 1)) {
      throw new IllegalArgumentException(KS_D_ALERT + " must be in (0, 1], got " + ksDAlert);
    }
    if (!(psiWarn > 0) || !(psiAlert > psiWarn)) {
      throw new IllegalArgumentException(PSI_WARN + " must be > 0 and below " + PSI_ALERT + ", got "
          + psiWarn + " and " + psiAlert);
    }
    if (minBatchRows < 1) {
      throw new IllegalArgumentException(MIN_BATCH_ROWS + " must be at least 1, got " + minBatchRows);
    }
  }

  public static DriftPolicy defaults() {
    return new DriftPolicy(0.15, 0.25, 0.10, 200);
  }

  public static DriftPolicy fromSettings(Settings s) {
    double psiWarn = s.getDouble(PSI_WARN, 1e-9, 100);
    double psiAlert = s.getDouble(PSI_ALERT, 1e-9, 100);
    if (psiAlert <= psiWarn) {
      throw new org.patientinsight.core.config.ConfigException(PSI_ALERT, "configuration key '" + PSI_ALERT
          + "' (" + psiAlert + ") must be greater than '" + PSI_WARN + "' (" + psiWarn + ")");
    }
    return new DriftPolicy(s.getDouble(KS_D_ALERT, 1e-9, 1), psiAlert, psiWarn,
        s.getInt(MIN_BATCH_ROWS, 1, Integer.MAX_VALUE));
  }

  /** The fine-bin layout configured by {@value #BIN_WIDTH_YEARS}. */
  public static AgeBins binsFromSettings(Settings s) {
    try {
      return AgeBins.ofWidth(s.getDouble(BIN_WIDTH_YEARS));
    } catch (IllegalArgumentException e) {
      throw new org.patientinsight.core.config.ConfigException(BIN_WIDTH_YEARS, e.getMessage());
    }
  }

  public DriftDecision decide(DriftFigures f) {
    List<String> reasons = new ArrayList<>();
    if (f.nBatch() == 0 || f.nBaseline() == 0) {
      reasons.add((f.nBatch() == 0 ? "batch" : "baseline") + " has no rows with an age; no statistics");
      return new DriftDecision(false, false, reasons);
    }
    boolean ksHit = f.ksD() >= ksDAlert;
    boolean psiAlertHit = f.psi() >= psiAlert;
    boolean psiWarnHit = !psiAlertHit && f.psi() >= psiWarn;
    if (ksHit) {
      reasons.add(fmt("KS D %.4f >= %.2f (p = %.3g)", f.ksD(), ksDAlert, f.ksP()));
    }
    if (psiAlertHit) {
      reasons.add(fmt("PSI %.4f >= %.2f", f.psi(), psiAlert));
    } else if (psiWarnHit) {
      reasons.add(fmt("PSI %.4f in [%.2f, %.2f)", f.psi(), psiWarn, psiAlert));
    }
    long smallest = Math.min(f.nBatch(), f.nBaseline());
    if (smallest < minBatchRows) {
      String side = f.nBatch() < minBatchRows ? "batch" : "baseline";
      reasons.add(fmt("%s has %d rows with an age (< %d minimum): reported, never alerting", side, smallest,
          minBatchRows));
      return new DriftDecision(false, false, reasons);
    }
    boolean alert = ksHit || psiAlertHit;
    return new DriftDecision(alert, !alert && psiWarnHit, reasons);
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
