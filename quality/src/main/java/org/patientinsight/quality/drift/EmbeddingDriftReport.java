package org.patientinsight.quality.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Embedding drift of one run against a versioned embedding baseline: the domain classifier's
 * held-out ROC AUC (baseline vs batch vectors), the PSI of the batch's topic-cluster shares
 * against the baseline's, the cosine distance between the two mean vectors, and per cluster
 * its shares and centroid distance. Figures and cluster labels (title words) only.
 *
 * @param auc held-out ROC AUC; NaN when too few vectors to train on
 * @param heldOut vectors the AUC was measured on (both classes)
 */
public record EmbeddingDriftReport(String baselineRef, String scope, String modelId, long nBaseline, long nBatch,
    double auc, long heldOut, double clusterPsi, double meanCosineDistance, List<ClusterShift> clusters,
    EmbeddingDriftPolicy policy, boolean alert, boolean warning, List<String> reasons, boolean pinnedFromThisBatch) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public EmbeddingDriftReport {
    clusters = List.copyOf(clusters);
    reasons = List.copyOf(reasons);
  }

  public static EmbeddingDriftReport evaluate(String baselineRef, String scope, String modelId, long nBaseline,
      long nBatch, double auc, long heldOut, double meanCosineDistance, List<ClusterShift> clusters,
      EmbeddingDriftPolicy policy) {
    double[] base = clusters.stream().mapToDouble(ClusterShift::baselineShare).toArray();
    double[] batch = clusters.stream().mapToDouble(ClusterShift::batchShare).toArray();
    double psi = nBatch == 0 || clusters.isEmpty() ? Double.NaN : PopulationStabilityIndex.ofShares(base, batch);
    List<String> reasons = new ArrayList<>();
    boolean aucHit = auc >= policy.aucAlert();
    boolean psiAlert = psi >= policy.clusterPsiAlert();
    boolean psiWarn = !psiAlert && psi >= policy.clusterPsiWarn();
    if (aucHit) {
      reasons.add(fmt("domain classifier ROC AUC %.3f >= %.2f (held out: %d vectors)", auc, policy.aucAlert(),
          heldOut));
    }
    if (psiAlert || psiWarn) {
      reasons.add(fmt(psiAlert ? "cluster-share PSI %.4f >= %.2f" : "cluster-share PSI %.4f in [%.2f, %.2f)", psi,
          psiAlert ? policy.clusterPsiAlert() : policy.clusterPsiWarn(), policy.clusterPsiAlert()));
      moved(clusters).forEach(c -> reasons.add(fmt("cluster %s %s %.1f%% -> %.1f%%", c.label(),
          c.change() > 0 ? "grew" : "shrank", 100 * c.baselineShare(), 100 * c.batchShare())));
    }
    long smallest = Math.min(nBaseline, nBatch);
    if (smallest < policy.minRows()) {
      reasons.add(fmt("%s has %d vectors (< %d minimum): reported, never alerting",
          nBatch < policy.minRows() ? "batch" : "baseline", smallest, policy.minRows()));
      return new EmbeddingDriftReport(baselineRef, scope, modelId, nBaseline, nBatch, auc, heldOut, psi,
          meanCosineDistance, clusters, policy, false, false, reasons, false);
    }
    boolean alert = aucHit || psiAlert;
    if (reasons.isEmpty()) {
      reasons.add("no embedding drift: AUC and cluster-share PSI below thresholds");
    }
    return new EmbeddingDriftReport(baselineRef, scope, modelId, nBaseline, nBatch, auc, heldOut, psi,
        meanCosineDistance, clusters, policy, alert, !alert && psiWarn, reasons, false);
  }

  /** A first run: the embedding baseline was just built from this batch; nothing compared. */
  public static EmbeddingDriftReport pinned(String baselineRef, String scope, String modelId, long n,
      List<ClusterShift> clusters, EmbeddingDriftPolicy policy) {
    return new EmbeddingDriftReport(baselineRef, scope, modelId, n, n, Double.NaN, 0, Double.NaN, Double.NaN,
        clusters, policy, false, false, List.of(DriftReport.PINNED_NOW), true);
  }

  /** The clusters whose share moved most (at least 2 share points), biggest move first, at most 4. */
  public static List<ClusterShift> moved(List<ClusterShift> clusters) {
    return clusters.stream().filter(c -> Math.abs(c.change()) >= 0.02)
        .sorted(Comparator.comparingDouble((ClusterShift c) -> -Math.abs(c.change()))).limit(4).toList();
  }

  public String verdict() {
    return pinnedFromThisBatch ? "BASELINE" : alert ? "ALERT" : warning ? "WARNING" : "OK";
  }

  /** The largest per-cluster centroid cosine distance (clusters the batch reaches), NaN if none. */
  public double maxCentroidCosineDistance() {
    return clusters.stream().mapToDouble(ClusterShift::centroidCosineDistance).filter(d -> !Double.isNaN(d))
        .max().orElse(Double.NaN);
  }

  public Map<String, Object> toSummaryMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("comparison", pinnedFromThisBatch ? "baseline_pinned" : "compared");
    m.put("baseline_ref", baselineRef);
    m.put("scope", scope);
    m.put("model_id", modelId);
    m.put("n_baseline", nBaseline);
    m.put("n_batch", nBatch);
    m.put("domain_auc", DriftFigures.num(auc));
    m.put("auc_held_out", heldOut);
    m.put("cluster_psi", DriftFigures.num(clusterPsi));
    m.put("mean_cosine_distance", DriftFigures.num(meanCosineDistance));
    m.put("centroid_cosine_max", DriftFigures.num(maxCentroidCosineDistance()));
    m.put("clusters", clusters.size());
    m.put("alert", alert);
    m.put("warning", warning);
    return m;
  }

  public ObjectNode toJson() {
    ObjectNode n = JSON.valueToTree(toSummaryMap());
    n.set("cluster_shifts", JSON.valueToTree(clusters.stream().map(ClusterShift::toMap).toList()));
    ObjectNode p = n.putObject("policy");
    p.put("auc_alert", policy.aucAlert());
    p.put("cluster_psi_alert", policy.clusterPsiAlert());
    p.put("cluster_psi_warn", policy.clusterPsiWarn());
    p.put("min_rows", policy.minRows());
    n.set("reasons", JSON.valueToTree(reasons));
    return n;
  }

  /** An {@code embedding_drift} finding when this report alerts or warns. */
  public Optional<DriftFinding> finding() {
    if (pinnedFromThisBatch || !alert && !warning) {
      return Optional.empty();
    }
    Map<String, Object> fields = new LinkedHashMap<>(toSummaryMap());
    fields.remove("alert");
    fields.remove("warning");
    String summary = String.join("; ", reasons);
    return Optional.of(new DriftFinding("embedding_drift", alert,
        fmt("Embedding drift %s vs baseline %s", alert ? "detected" : "warning", baselineRef), summary, fields));
  }

  private static String fmt(String f, Object... a) {
    return String.format(Locale.ROOT, f, a);
  }
}
