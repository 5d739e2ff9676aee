package org.patientinsight.core.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dense search recall against exact cosine on 20,000 clustered 384-d vectors written the way
 * sync writes them (one commit per 500 records, so many segments), before and after
 * {@link LocalVectorStore#compact()}, with and without a filter. No timing is asserted: speed is
 * {@code bench/search-benchmark.sh}'s job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalVectorStoreRecallTest {
  private static final int N = 20_000;
  private static final int QUERIES = 150;
  private static final double MIN_RECALL = 0.98;

  private LocalVectorStore store;
  private float[][] vectors;
  private double[] ages;
  private boolean[] female;
  private ExactSearch exact;
  private final List<float[]> queries = new ArrayList<>();

  @BeforeAll
  void build(@TempDir Path tmp) {
    ClusteredCases cases = new ClusteredCases(384, 200, 10, 7);
    vectors = new float[N][];
    ages = new double[N];
    female = new boolean[N];
    store = LocalVectorStore.open(tmp.resolve("index"), TextAnalysis.ENGLISH, 1);
    List<VectorRecord> batch = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      VectorRecord r = cases.record(i);
      vectors[i] = CaseDocuments.unitVector(r.values(), "test");
      ages[i] = (Double) r.metadata().get("age_years");
      female[i] = "F".equals(r.metadata().get("gender"));
      batch.add(r);
      if (batch.size() == 500) {
        store.upsert(batch);
        batch.clear();
      }
    }
    store.upsert(batch);
    exact = new ExactSearch(vectors);
    Random rnd = new Random(11);
    for (int q = 0; q < QUERIES; q++) {
      queries.add(cases.query(rnd));
    }
  }

  @Test
  void candidatePoolIsAtLeastAHundredAndTenPerHit() {
    assertEquals(100, LocalVectorStore.candidatePool(1));
    assertEquals(100, LocalVectorStore.candidatePool(10));
    assertEquals(500, LocalVectorStore.candidatePool(50));
    assertEquals(10_000, LocalVectorStore.candidatePool(5_000));
  }

  @Test
  void recallIsNearExactOnManySegmentsAndAfterCompaction() {
    assertTrue(store.segmentCount() > 1, "sync-like commits leave several segments");
    assertRecall("unfiltered, " + store.segmentCount() + " segments", SearchFilter.NONE, i -> true);

    store.compact();
    assertEquals(1, store.segmentCount());
    assertEquals(N, store.count());
    assertRecall("unfiltered, 1 segment", SearchFilter.NONE, i -> true);
    SearchFilter women40to60 = new SearchFilter(40.0, 60.0, "F");
    assertRecall("F aged 40-60, 1 segment", women40to60,
        i -> female[i] && ages[i] >= 40 && ages[i] <= 60);
    SearchFilter men = new SearchFilter(null, null, "M");
    assertRecall("M, 1 segment", men, i -> !female[i]);

    store.compact(); // already merged: nothing to do
    assertEquals(1, store.segmentCount());
    assertEquals(N, store.count());
  }

  private void assertRecall(String what, SearchFilter filter, IntPredicate passes) {
    for (int k : new int[] {3, 10}) {
      double sum = 0;
      for (float[] q : queries) {
        List<String> truth = new ArrayList<>();
        for (int i : exact.topK(CaseDocuments.unitVector(q, "q"), k, passes)) {
          truth.add("case-" + i);
        }
        List<ScoredMatch> hits = store.query(q, k, filter);
        assertEquals(k, hits.size());
        sum += ExactSearch.recall(truth, hits);
      }
      double recall = sum / queries.size();
      assertTrue(recall >= MIN_RECALL, String.format(Locale.ROOT,
          "recall@%d %s is %.3f, expected >= %.2f", k, what, recall, MIN_RECALL));
    }
  }

  @org.junit.jupiter.api.AfterAll
  void close() {
    store.close();
  }
}
