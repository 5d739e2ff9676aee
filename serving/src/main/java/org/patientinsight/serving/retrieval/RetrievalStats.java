package org.patientinsight.serving.retrieval;

import java.util.List;

/**
 * Summary of the cosine scores of the returned cases. {@code lowScore} is true when even the
 * best case scores under the threshold (or no case has a score): the answer then rests on
 * weak evidence, which the seed alerted on.
 */
public record RetrievalStats(Double min, Double mean, Double max, boolean lowScore) {

  public static RetrievalStats of(List<RetrievedCase> cases, double threshold) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int n = 0;
    for (RetrievedCase c : cases) {
      if (c.score() != null) {
        min = Math.min(min, c.score());
        max = Math.max(max, c.score());
        sum += c.score();
        n++;
      }
    }
    if (n == 0) {
      return new RetrievalStats(null, null, null, true);
    }
    return new RetrievalStats(min, sum / n, max, max < threshold);
  }
}
