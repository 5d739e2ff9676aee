package org.patientinsight.serving.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.vector.VectorStore;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.serving.TestIndex;

/** The three modes on a real index with the real embedder. */
class CaseRetrieverTest {
  private static LocalVectorStore store;
  private static CaseRetriever retriever;

  @BeforeAll
  static void open() {
    store = LocalVectorStore.openReadOnly(TestIndex.dir());
    retriever = new CaseRetriever(MiniLmEmbedder.shared(), store, 60, 50);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void everyModeFindsTheObviousCaseAndGivesCosines() {
    for (RetrievalMode mode : RetrievalMode.values()) {
      List<RetrievedCase> r = retriever.retrieve("sudden breathlessness and pleuritic chest pain "
          + "after a long flight", 3, SearchFilter.NONE, mode);
      assertEquals(3, r.size(), mode.label());
      assertEquals("1004-1", r.get(0).patientUid(), mode.label());
      for (RetrievedCase c : r) {
        assertNotNull(c.score(), "cosine known for every case in " + mode.label());
      }
      assertTrue(r.get(0).score() > 0.3 && r.get(0).score() <= 1.0);
      assertTrue(r.get(0).text().contains("apixaban"));
    }
  }

  @Test
  void bm25NeedsSharedWordsWhileDenseDoesNot() {
    // no word in common with any note: BM25 finds nothing, dense still ranks by meaning
    assertTrue(retriever.retrieve("zzzqqq", 3, SearchFilter.NONE, RetrievalMode.BM25).isEmpty());
    assertFalse(retriever.retrieve("zzzqqq", 3, SearchFilter.NONE, RetrievalMode.DENSE).isEmpty());
  }

  @Test
  void filtersApplyInEveryMode() {
    for (RetrievalMode mode : RetrievalMode.values()) {
      for (RetrievedCase c : retriever.retrieve("pain", 8, new SearchFilter(null, 30.0, "F"), mode)) {
        assertEquals("F", c.sex(), mode.label());
        assertTrue(c.age() <= 30, mode.label());
      }
    }
  }

  @Test
  void storesWithoutKeywordIndexOnlyDoDense() {
    CaseRetriever denseOnly = new CaseRetriever(MiniLmEmbedder.shared(), new VectorsOnly(store), 60, 50);
    assertFalse(denseOnly.supports(RetrievalMode.HYBRID));
    assertThrows(IllegalStateException.class,
        () -> denseOnly.retrieve("x", 1, SearchFilter.NONE, RetrievalMode.BM25));
  }

  /** A store like Pinecone: the same vectors, no note text to search. */
  private record VectorsOnly(VectorStore inner) implements VectorStore {
    @Override
    public String name() {
      return "vectors-only";
    }

    @Override
    public void upsert(java.util.List<org.patientinsight.core.vector.VectorRecord> records) {
      inner.upsert(records);
    }

    @Override
    public void delete(java.util.Collection<String> ids) {
      inner.delete(ids);
    }

    @Override
    public java.util.List<org.patientinsight.core.vector.ScoredMatch> query(float[] vector, int topK,
        SearchFilter filter) {
      return inner.query(vector, topK, filter);
    }

    @Override
    public long count() {
      return inner.count();
    }

    @Override
    public void close() {
    }
  }
}
