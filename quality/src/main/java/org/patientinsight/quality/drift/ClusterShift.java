package org.patientinsight.quality.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One topic cluster (fitted on the baseline's vectors): its share of the baseline and of the
 * batch, the cosine distance between its baseline and batch centroids (NaN when the batch has
 * no vector in it), and its most frequent title words, which name it in reports.
 */
public record ClusterShift(int cluster, List<String> titleWords, long baselineCount, long batchCount,
    double baselineShare, double batchShare, double centroidCosineDistance) {
  public ClusterShift {
    titleWords = List.copyOf(titleWords);
  }

  /** e.g. "#3 pneumonia · cough · fever". */
  public String label() {
    return "#" + cluster + (titleWords.isEmpty() ? "" : " " + String.join(" · ", titleWords));
  }

  /** Batch share minus baseline share, in share points (−1..1). */
  public double change() {
    return batchShare - baselineShare;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cluster", cluster);
    m.put("label", label());
    m.put("baseline_count", baselineCount);
    m.put("batch_count", batchCount);
    m.put("baseline_share", DriftFigures.num(baselineShare));
    m.put("batch_share", DriftFigures.num(batchShare));
    m.put("share_change", DriftFigures.num(change()));
    m.put("centroid_cosine_distance", DriftFigures.num(centroidCosineDistance));
    return m;
  }
}
