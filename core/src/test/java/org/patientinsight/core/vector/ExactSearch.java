package org.patientinsight.core.vector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntPredicate;

/** Brute-force cosine top-k over unit vectors: the ground truth ANN recall is measured against. */
final class ExactSearch {
  private final float[][] vectors;

  ExactSearch(float[][] unitVectors) {
    this.vectors = unitVectors;
  }

  /** Indexes of the k vectors with the highest dot product to q among those that pass. */
  List<Integer> topK(float[] q, int k, IntPredicate passes) {
    PriorityQueue<double[]> heap = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    for (int i = 0; i < vectors.length; i++) {
      if (!passes.test(i)) {
        continue;
      }
      float[] v = vectors[i];
      double dot = 0;
      for (int d = 0; d < v.length; d++) {
        dot += q[d] * v[d];
      }
      if (heap.size() < k) {
        heap.add(new double[] {dot, i});
      } else if (dot > heap.peek()[0]) {
        heap.poll();
        heap.add(new double[] {dot, i});
      }
    }
    List<Integer> out = new ArrayList<>();
    while (!heap.isEmpty()) {
      out.add(0, (int) heap.poll()[1]);
    }
    return out;
  }

  /** Share of the exact top-k ids that the store's hits contain. */
  static double recall(List<String> exactIds, List<ScoredMatch> hits) {
    if (exactIds.isEmpty()) {
      return 1.0;
    }
    Set<String> got = new HashSet<>();
    for (ScoredMatch m : hits) {
      got.add(m.id());
    }
    int found = 0;
    for (String id : exactIds) {
      if (got.contains(id)) {
        found++;
      }
    }
    return (double) found / exactIds.size();
  }
}
