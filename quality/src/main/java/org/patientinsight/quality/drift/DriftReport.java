package org.patientinsight.quality.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The drift result of one run: which baseline, the overall figures and decision, the same per
 * sex. The overall decision sets {@code alert}; a per-sex alert or warning (e.g. only the
 * female age mix moved) raises a {@code warning} so it is seen without paging anyone.
 *
 * @param scope what was compared with the baseline: {@code batch} or {@code table}
 */
public record DriftReport(Baseline baseline, String scope, DriftFigures overall, DriftDecision overallDecision,
    Map<String, DriftFigures> perSex, Map<String, DriftDecision> perSexDecisions, DriftPolicy policy,
    boolean alert, boolean warning, List<String> reasons, DemographicShift demographics,
    DriftDecision demographicsDecision, boolean pinnedFromThisBatch) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What a first run says instead of zeros: the baseline is this batch, so nothing was compared. */
  public static final String PINNED_NOW = "baseline pinned from this batch \u2014 no comparison yet";

  public DriftReport {
    // keep the M, F order for tables and JSON
    perSex = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perSex));
    perSexDecisions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perSexDecisions));
    reasons = List.copyOf(reasons);
  }

  /** Compares {@code current} with the baseline under the policy. */
  public static DriftReport evaluate(Baseline baseline, AgeHistograms current, String scope, DriftPolicy policy) {
    return evaluate(baseline, current, scope, policy, false);
  }

  /**
   * @param pinnedFromThisBatch the baseline was pinned in this run from the data compared: the
   *     report then carries no figures and never alerts, and says so
   */
  public static DriftReport evaluate(Baseline baseline, AgeHistograms current, String scope, DriftPolicy policy,
      boolean pinnedFromThisBatch) {
    AgeHistograms base = baseline.histograms();
    DriftFigures overall = DriftFigures.compare(base.overall(), current.overall());
    DriftDecision overallDecision = policy.decide(overall);
    Map<String, DriftFigures> perSex = new LinkedHashMap<>();
    Map<String, DriftDecision> perSexDecisions = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>(overallDecision.reasons());
    boolean sexFlag = false;
    for (Map.Entry<String, AgeHistogram> e : current.bySex().entrySet()) {
      DriftFigures f = DriftFigures.compare(base.bySex().get(e.getKey()), e.getValue());
      DriftDecision d = policy.decide(f);
      perSex.put(e.getKey(), f);
      perSexDecisions.put(e.getKey(), d);
      if (d.alert() || d.warning()) {
        sexFlag = true;
        d.reasons().forEach(r -> reasons.add("sex " + e.getKey() + ": " + r));
      }
    }
    DemographicShift demo = DemographicShift.compare(base, current);
    DriftDecision demoDecision = policy.decide(demo, Math.min(base.overall().rows(), current.overall().rows()));
    reasons.addAll(demoDecision.reasons());
    boolean alert = overallDecision.alert() || demoDecision.alert();
    boolean warning = !alert && (overallDecision.warning() || sexFlag);
    if (pinnedFromThisBatch) {
      return new DriftReport(baseline, scope, overall, overallDecision, perSex, perSexDecisions, policy, false,
          false, List.of(PINNED_NOW), demo, demoDecision, true);
    }
    if (reasons.isEmpty()) {
      reasons.add("no drift: all figures below thresholds");
    }
    return new DriftReport(baseline, scope, overall, overallDecision, perSex, perSexDecisions, policy, alert,
        warning, reasons, demo, demoDecision, false);
  }

  /** The verdict word: ALERT, WARNING, OK, or BASELINE (pinned now, nothing compared). */
  public String verdict() {
    return pinnedFromThisBatch ? "BASELINE" : alert ? "ALERT" : warning ? "WARNING" : "OK";
  }

  /** The run-summary {@code drift} section: flat keys, figures only (NaN as null). */
  public Map<String, Object> toSummaryMap() {
    Map<String, Object> f = overall.toMap();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ks_d", f.get("ks_d"));
    m.put("ks_p", f.get("ks_p"));
    m.put("psi", f.get("psi"));
    m.put("js", f.get("js"));
    m.put("mean_shift_years", f.get("mean_shift_years"));
    m.put("mean_shift_pct", f.get("mean_shift_pct"));
    m.put("median_shift_years", f.get("median_shift_years"));
    m.put("median_shift_pct", f.get("median_shift_pct"));
    m.put("n_batch", overall.nBatch());
    m.put("n_baseline", overall.nBaseline());
    m.put("rows_batch", overall.rowsBatch());
    m.put("missing_share_batch", f.get("missing_share_batch"));
    m.put("missing_share_baseline", f.get("missing_share_baseline"));
    m.put("wasserstein_years", f.get("wasserstein_years"));
    m.put("wasserstein_norm", f.get("wasserstein_norm"));
    m.put("age_test", policy.ageTest(overall));
    m.putAll(demographics.toMap());
    if (pinnedFromThisBatch) {
      // nothing was compared: no zeros that read as "no drift"
      m.replaceAll((k, v) -> k.startsWith("n_") || k.startsWith("rows_") || k.equals("age_test") ? v : null);
    }
    m.put("comparison", pinnedFromThisBatch ? "baseline_pinned" : "compared");
    m.put("baseline_name", baseline.name());
    m.put("baseline_version", baseline.version());
    m.put("baseline_source_version", baseline.sourceVersion());
    m.put("scope", scope);
    m.put("alert", alert);
    m.put("warning", warning);
    return m;
  }

  /** Everything: summary keys, full overall and per-sex figures with decisions, policy, reasons. */
  public ObjectNode toJson() {
    ObjectNode n = JSON.valueToTree(toSummaryMap());
    n.put("baseline_ref", baseline.ref());
    n.put("baseline_created_at", baseline.createdAt().toString());
    n.put("baseline_source_table", baseline.sourceTable());
    n.set("overall", JSON.valueToTree(overall.toMap()));
    ObjectNode sexes = n.putObject("per_sex");
    for (Map.Entry<String, DriftFigures> e : perSex.entrySet()) {
      ObjectNode s = JSON.valueToTree(e.getValue().toMap());
      DriftDecision d = perSexDecisions.get(e.getKey());
      s.put("alert", d.alert());
      s.put("warning", d.warning());
      s.set("reasons", JSON.valueToTree(d.reasons()));
      sexes.set(e.getKey(), s);
    }
    ObjectNode p = n.putObject("policy");
    p.put("ks_d_alert", policy.ksDAlert());
    p.put("psi_alert", policy.psiAlert());
    p.put("psi_warn", policy.psiWarn());
    p.put("min_batch_rows", policy.minBatchRows());
    p.put("wasserstein_alert", policy.wassersteinAlert());
    p.put("wasserstein_min_baseline_rows", policy.wassersteinMinRows());
    p.put("sex_share_alert", policy.sexShareAlert());
    p.put("completeness_change_alert", policy.completenessAlert());
    n.set("reasons", JSON.valueToTree(reasons));
    return n;
  }

  public String toJsonString() {
    return toJson().toString();
  }

  /** Per-sex figures in the same flat form (for drift_reports rows). */
  public Map<String, Map<String, Object>> perSexMaps() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    perSex.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.put(e.getKey(), e.getValue().toMap()));
    return out;
  }

  /** An {@code age_drift} finding when this report alerts or warns; figures only, no patient text. */
  public Optional<DriftFinding> finding() {
    if (pinnedFromThisBatch || !alert && !warning) {
      return Optional.empty();
    }
    Map<String, Object> fields = new LinkedHashMap<>(toSummaryMap());
    fields.remove("alert");
    fields.remove("warning");
    String summary = String.join("; ", reasons);
    // name what moved: the age curve, or only who the cases are about (sex share, completeness)
    String what = !overallDecision.alert() && demographicsDecision.alert() ? "Demographic drift" : "Age drift";
    String title = String.format(Locale.ROOT, "%s %s vs baseline %s", what,
        alert ? "detected" : "warning", baseline.ref());
    return Optional.of(new DriftFinding("age_drift", alert, title, summary, fields));
  }
}
