package org.patientinsight.quality.drift;

import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;

/**
 * When embedding drift is flagged: the domain classifier's held-out ROC AUC ≥ {@code aucAlert}
 * (Evidently's default 0.55: a classifier that tells batch from baseline better than that has
 * found a real difference), or the PSI of the batch's topic-cluster shares ≥ {@code
 * clusterPsiAlert}; PSI in [{@code clusterPsiWarn}, {@code clusterPsiAlert}) warns. Fewer than
 * {@code minRows} vectors on either side: reported, never alerting.
 */
public record EmbeddingDriftPolicy(double aucAlert, double clusterPsiAlert, double clusterPsiWarn, long minRows) {
  public static final String AUC_ALERT = "drift.embedding.auc_alert";
  public static final String CLUSTER_PSI_ALERT = "drift.embedding.cluster_psi_alert";
  public static final String CLUSTER_PSI_WARN = "drift.embedding.cluster_psi_warn";
  public static final String MIN_ROWS = "drift.embedding.min_rows";

  public EmbeddingDriftPolicy {
    if (!(aucAlert > 0.5 && aucAlert <= 1)) {
      throw new IllegalArgumentException(AUC_ALERT + " must be in (0.5, 1], got " + aucAlert);
    }
    if (!(clusterPsiWarn > 0) || !(clusterPsiAlert > clusterPsiWarn)) {
      throw new IllegalArgumentException(CLUSTER_PSI_WARN + " must be > 0 and below " + CLUSTER_PSI_ALERT);
    }
    if (minRows < 2) {
      throw new IllegalArgumentException(MIN_ROWS + " must be at least 2, got " + minRows);
    }
  }

  public static EmbeddingDriftPolicy defaults() {
    return new EmbeddingDriftPolicy(0.55, 0.25, 0.10, 100);
  }

  public static EmbeddingDriftPolicy fromSettings(Settings s) {
    double warn = s.getDouble(CLUSTER_PSI_WARN, 1e-9, 100);
    double alert = s.getDouble(CLUSTER_PSI_ALERT, 1e-9, 100);
    if (alert <= warn) {
      throw new ConfigException(CLUSTER_PSI_ALERT, "configuration key '" + CLUSTER_PSI_ALERT + "' (" + alert
          + ") must be greater than '" + CLUSTER_PSI_WARN + "' (" + warn + ")");
    }
    double auc = s.getDouble(AUC_ALERT, 0.5 + 1e-9, 1);
    return new EmbeddingDriftPolicy(auc, alert, warn, s.getInt(MIN_ROWS, 2, Integer.MAX_VALUE));
  }
}
