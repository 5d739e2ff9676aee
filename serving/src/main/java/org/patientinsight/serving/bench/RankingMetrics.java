package org.patientinsight.serving.bench;

/** Recall@1, recall@3 and mean reciprocal rank for queries with exactly one right answer. */
public final class RankingMetrics {
  private int queries;
  private int at1;
  private int at3;
  private double reciprocalRanks;

  /** @param rank 1-based rank of the right answer, or 0 when it was not retrieved */
  public void add(int rank) {
    queries++;
    if (rank == 1) {
      at1++;
    }
    if (rank >= 1 && rank <= 3) {
      at3++;
    }
    if (rank >= 1) {
      reciprocalRanks += 1.0 / rank;
    }
  }

  public double recallAt1() {
    return queries == 0 ? 0 : (double) at1 / queries;
  }

  public double recallAt3() {
    return queries == 0 ? 0 : (double) at3 / queries;
  }

  public double mrr() {
    return queries == 0 ? 0 : reciprocalRanks / queries;
  }

  public int queries() {
    return queries;
  }
}
