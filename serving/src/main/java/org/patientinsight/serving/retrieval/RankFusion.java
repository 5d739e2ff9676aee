package org.patientinsight.serving.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal-rank fusion (Cormack, Clarke and Buettcher 2009): each ranked list gives a
 * document 1/(k + rank), rank from 1; the sums decide the fused order. Scores of the input
 * lists are ignored, which is the point: cosine and BM25 live on different scales.
 */
public final class RankFusion {
  private final int k;

  public RankFusion(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("RRF k must be >= 1, got " + k);
    }
    this.k = k;
  }

  /** A fused entry: the id and its summed reciprocal-rank score. */
  public record Fused(String id, double score) {}

  public List<Fused> fuse(List<List<String>> rankings, int topK) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (List<String> ranking : rankings) {
      for (int i = 0; i < ranking.size(); i++) {
        scores.merge(ranking.get(i), 1.0 / (k + i + 1), Double::sum);
      }
    }
    List<Fused> out = new ArrayList<>(scores.size());
    scores.forEach((id, s) -> out.add(new Fused(id, s)));
    // ties keep first-seen order (stable sort), i.e. the first ranking wins
    out.sort(Comparator.comparingDouble(Fused::score).reversed());
    return out.size() > topK ? new ArrayList<>(out.subList(0, topK)) : out;
  }
}
