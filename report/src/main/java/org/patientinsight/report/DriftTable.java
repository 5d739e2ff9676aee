package org.patientinsight.report;

import org.patientinsight.quality.drift.DemographicShift;
import org.patientinsight.quality.drift.DriftFigures;
import org.patientinsight.quality.drift.DriftReport;
import org.patientinsight.quality.drift.Wasserstein;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A one-screen plain-text summary of a {@link DriftReport} for the {@code drift} command. */
public final class DriftTable {
  private static final List<String[]> ROWS = List.of(
      new String[] {"rows with age (baseline)", "n_baseline"},
      new String[] {"rows with age (batch)", "n_batch"},
      new String[] {"KS D", "ks_d"},
      new String[] {"KS p", "ks_p"},
      new String[] {"PSI", "psi"},
      new String[] {"JS distance", "js"},
      new String[] {"Wasserstein / sd", "wasserstein_norm"},
      new String[] {"mean age baseline (y)", "mean_baseline_years"},
      new String[] {"mean age batch (y)", "mean_batch_years"},
      new String[] {"mean shift (y)", "mean_shift_years"},
      new String[] {"mean shift (%)", "mean_shift_pct"},
      new String[] {"median shift (y)", "median_shift_years"},
      new String[] {"missing age baseline", "missing_share_baseline"},
      new String[] {"missing age batch", "missing_share_batch"});

  private DriftTable() {
  }

  public static String render(DriftReport r) {
    Map<String, DriftFigures> cols = new LinkedHashMap<>();
    cols.put("overall", r.overall());
    cols.putAll(r.perSex());
    StringBuilder sb = new StringBuilder();
    sb.append("Age drift (").append(r.scope()).append(") vs baseline ").append(r.baseline().ref())
        .append(" [").append(r.baseline().sourceTable()).append(" v").append(r.baseline().sourceVersion()).append("]\n");
    if (r.pinnedFromThisBatch()) {
      sb.append(DriftReport.PINNED_NOW).append('\n');
      sb.append("decision: ").append(r.verdict()).append('\n');
      return sb.toString();
    }
    sb.append(String.format(Locale.ROOT, "%-24s", "figure"));
    cols.keySet().forEach(k -> sb.append(String.format(Locale.ROOT, "%12s", k)));
    sb.append('\n');
    for (String[] row : ROWS) {
      sb.append(String.format(Locale.ROOT, "%-24s", row[0]));
      for (DriftFigures f : cols.values()) {
        sb.append(String.format(Locale.ROOT, "%12s", cell(f.toMap().get(row[1]))));
      }
      sb.append('\n');
    }
    DemographicShift d = r.demographics();
    sb.append(String.format(Locale.ROOT, "female share %s -> %s; age complete %s -> %s; sex complete %s -> %s%n",
        pct(d.femaleShareBaseline()), pct(d.femaleShareBatch()), pct(d.ageCompletenessBaseline()),
        pct(d.ageCompletenessBatch()), pct(d.sexCompletenessBaseline()), pct(d.sexCompletenessBatch())));
    sb.append("decision: ").append(r.alert() ? "ALERT" : r.warning() ? "WARNING" : "ok")
        .append(" (age test: ").append(r.policy().ageTest(r.overall())).append(")\n");
    r.reasons().forEach(x -> sb.append("  - ").append(x).append('\n'));
    return sb.toString();
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "-" : Numbers.percent(v);
  }

  private static String cell(Object v) {
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return "-";
    }
    if (v == null) {
      return "-";
    }
    if (v instanceof Double d) {
      return Numbers.figure(d);
    }
    return String.valueOf(v);
  }
}
