package org.patientinsight.quality.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patientinsight.core.config.Settings;

/**
 * When drift is flagged.
 *
 * <p>Age: the statistical test depends on the reference size, as in Evidently. With at most
 * {@code wassersteinMinRows} baseline ages, KS D ≥ {@code ksDAlert} (the seed's "15 %
 * deviation") alerts; above it the normalised Wasserstein distance W/σ ≥
 * {@code wassersteinAlert} (Evidently's 0.1) does instead, because on large samples KS flags
 * shifts too small to matter. In both regimes PSI ≥ {@code psiAlert} alerts and PSI in
 * [{@code psiWarn}, {@code psiAlert}) warns.
 *
 * <p>Demographics: the female share among known-sex rows moving by ≥ {@code sexShareAlert}, or
 * age/sex completeness moving by ≥ {@code completenessAlert} (absolute, 0..1), alerts.
 *
 * <p>A batch with fewer than {@code minBatchRows} rows carrying an age (the rows the statistics
 * rest on) is reported but never alerts or warns, and the reason says so; the same holds for a
 * baseline that small.
 */
public record DriftPolicy(double ksDAlert, double psiAlert, double psiWarn, long minBatchRows,
    double wassersteinAlert, long wassersteinMinRows, double sexShareAlert, double completenessAlert) {
  public static final String KS_D_ALERT = "drift.ks_d_alert";
  public static final String PSI_ALERT = "drift.psi_alert";
  public static final String PSI_WARN = "drift.psi_warn";
  public static final String MIN_BATCH_ROWS = "drift.min_batch_rows";
  public static final String BIN_WIDTH_YEARS = "drift.bin_width_years";
  public static final String WASSERSTEIN_ALERT = "drift.wasserstein_alert";
  public static final String WASSERSTEIN_MIN_ROWS = "drift.wasserstein_min_baseline_rows";
  public static final String SEX_SHARE_ALERT = "drift.sex_share_alert";
  public static final String COMPLETENESS_ALERT = "drift.completeness_change_alert";

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
    if (!(wassersteinAlert > 0)) {
      throw new IllegalArgumentException(WASSERSTEIN_ALERT + " must be > 0, got " + wassersteinAlert);
    }
    if (wassersteinMinRows < 0) {
      throw new IllegalArgumentException(WASSERSTEIN_MIN_ROWS + " must be >= 0, got " + wassersteinMinRows);
    }
    if (!(sexShareAlert > 0 && sexShareAlert <= 1) || !(completenessAlert > 0 && completenessAlert <= 1)) {
      throw new IllegalArgumentException(SEX_SHARE_ALERT + " and " + COMPLETENESS_ALERT + " must be in (0, 1]");
    }
  }

  /** The age thresholds only; the others at their defaults. */
  public DriftPolicy(double ksDAlert, double psiAlert, double psiWarn, long minBatchRows) {
    this(ksDAlert, psiAlert, psiWarn, minBatchRows, 0.1, 1000, 0.10, 0.10);
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
        s.getInt(MIN_BATCH_ROWS, 1, Integer.MAX_VALUE), s.getDouble(WASSERSTEIN_ALERT, 1e-9, 100),
        s.getInt(WASSERSTEIN_MIN_ROWS, 0, Integer.MAX_VALUE), s.getDouble(SEX_SHARE_ALERT, 1e-9, 1),
        s.getDouble(COMPLETENESS_ALERT, 1e-9, 1));
  }

  /** The fine-bin layout configured by {@value #BIN_WIDTH_YEARS}. */
  public static AgeBins binsFromSettings(Settings s) {
    try {
      return AgeBins.ofWidth(s.getDouble(BIN_WIDTH_YEARS));
    } catch (IllegalArgumentException e) {
      throw new org.patientinsight.core.config.ConfigException(BIN_WIDTH_YEARS, e.getMessage());
    }
  }

  /** Which distance test decides for these figures: "wasserstein" above the row cut, else "ks". */
  public String ageTest(DriftFigures f) {
    return f.nBaseline() > wassersteinMinRows && !Double.isNaN(f.wassersteinNormed()) ? "wasserstein" : "ks";
  }

  public DriftDecision decide(DriftFigures f) {
    List<String> reasons = new ArrayList<>();
    if (f.nBatch() == 0 || f.nBaseline() == 0) {
      reasons.add((f.nBatch() == 0 ? "batch" : "baseline") + " has no rows with an age; no statistics");
      return new DriftDecision(false, false, reasons);
    }
    boolean testHit;
    if ("wasserstein".equals(ageTest(f))) {
      testHit = f.wassersteinNormed() >= wassersteinAlert;
      if (testHit) {
        reasons.add(fmt("Wasserstein %.4f (%.2f y / σ %.2f y) >= %.2f", f.wassersteinNormed(), f.wassersteinYears(),
            f.stdBaseline(), wassersteinAlert));
      }
    } else {
      testHit = f.ksD() >= ksDAlert;
      if (testHit) {
        reasons.add(fmt("KS D %.4f >= %.2f (p = %.3g)", f.ksD(), ksDAlert, f.ksP()));
      }
    }
    boolean psiAlertHit = f.psi() >= psiAlert;
    boolean psiWarnHit = !psiAlertHit && f.psi() >= psiWarn;
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
    boolean alert = testHit || psiAlertHit;
    return new DriftDecision(alert, !alert && psiWarnHit, reasons);
  }

  /** Sex share and completeness; {@code rows} is the smaller side's row count. */
  public DriftDecision decide(DemographicShift d, long rows) {
    List<String> reasons = new ArrayList<>();
    if (d.femaleShareChange() >= sexShareAlert) {
      reasons.add(fmt("female share %.1f%% -> %.1f%% (change >= %.0f points)", 100 * d.femaleShareBaseline(),
          100 * d.femaleShareBatch(), 100 * sexShareAlert));
    }
    if (Math.abs(d.ageCompletenessChange()) >= completenessAlert) {
      reasons.add(fmt("age completeness %.1f%% -> %.1f%% (change >= %.0f points)",
          100 * d.ageCompletenessBaseline(), 100 * d.ageCompletenessBatch(), 100 * completenessAlert));
    }
    if (Math.abs(d.sexCompletenessChange()) >= completenessAlert) {
      reasons.add(fmt("sex completeness %.1f%% -> %.1f%% (change >= %.0f points)",
          100 * d.sexCompletenessBaseline(), 100 * d.sexCompletenessBatch(), 100 * completenessAlert));
    }
    if (!reasons.isEmpty() && rows < minBatchRows) {
      reasons.add(fmt("only %d rows on one side (< %d minimum): demographics reported, never alerting", rows,
          minBatchRows));
      return new DriftDecision(false, false, reasons);
    }
    return new DriftDecision(!reasons.isEmpty(), false, reasons);
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
