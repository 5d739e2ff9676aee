package org.patientinsight.core.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVectorStoreTest {
  private static final int DIM = 16;

  @TempDir Path tmp;

  private static float[] randomUnit(Random rnd) {
    float[] v = new float[DIM];
    double sq = 0;
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) rnd.nextGaussian();
      sq += v[i] * v[i];
    }
    for (int i = 0; i < DIM; i++) {
      v[i] /= (float) Math.sqrt(sq);
    }
    return v;
  }

  private static VectorRecord record(String id, float[] v, double age, String gender, String text) {
    Map<String, Object> md = new HashMap<>();
    md.put("pmid", "3" + id.hashCode());
    md.put("title", "Case " + id);
    md.put("age_years", age);
    md.put("gender", gender);
    md.put("snippet", "snippet of " + id);
    md.put("content_hash", "h-" + id);
    md.put("text", text);
    return new VectorRecord(id, v, md);
  }

  /** 40 cases: ages 2..80 step 2, alternating sex, one rare word in case-7. */
  private static List<VectorRecord> cases(Random rnd) {
    List<VectorRecord> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String text = "Patient presented with fever and cough, treated with antibiotics.";
      if (i == 7) {
        text = "Biopsy showed pheochromocytoma in the left adrenal gland with fractures noted.";
      }
      out.add(record("case-" + i, randomUnit(rnd), 2 + 2 * i, i % 2 == 0 ? "F" : "M", text));
    }
    return out;
  }

  @Test
  void upsertThenQueryFindsItselfFirstWithCosineOne() {
    List<VectorRecord> cases = cases(new Random(1));
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      store.upsert(cases);
      assertEquals(40, store.count());
      for (int i : new int[] {0, 13, 39}) {
        List<ScoredMatch> hits = store.query(cases.get(i).values(), 5, SearchFilter.NONE);
        assertEquals(5, hits.size());
        assertEquals("case-" + i, hits.get(0).id());
        assertEquals(1.0, hits.get(0).score(), 1e-5);
        assertTrue(hits.get(1).score() < hits.get(0).score());
        Map<String, Object> md = hits.get(0).metadata();
        assertEquals("Case case-" + i, md.get("title"));
        assertEquals(2.0 + 2 * i, ((Number) md.get("age_years")).doubleValue());
        assertEquals("h-case-" + i, md.get("content_hash"));
        assertFalse(md.containsKey("text"), "note text is indexed, never stored or returned");
      }
    }
  }

  @Test
  void similaritiesGiveTheExactCosineOfNamedRecords() {
    List<VectorRecord> cases = cases(new Random(3));
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      store.upsert(cases);
      float[] q = cases.get(7).values();
      Map<String, Double> sims = store.similarities(q, List.of("case-3", "case-30", "nope"));
      assertEquals(2, sims.size(), "ids the store does not hold are absent");
      for (String id : List.of("case-3", "case-30")) {
        float[] v = cases.get(Integer.parseInt(id.substring(5))).values();
        double dot = 0;
        for (int i = 0; i < DIM; i++) {
          dot += q[i] * v[i];
        }
        assertEquals(dot, sims.get(id), 1e-5, id);
      }
      assertTrue(store.similarities(q, List.of()).isEmpty());
    }
  }

  @Test
  void scoreIsTheCosineEvenForDissimilarVectors() {
    float[] a = new float[DIM];
    a[0] = 1;
    float[] b = new float[DIM];
    b[0] = -0.6f;
    b[1] = 0.8f; // cosine with a = -0.6
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      store.upsert(List.of(new VectorRecord("b", b, Map.of())));
      assertEquals(-0.6, store.query(a, 1, SearchFilter.NONE).get(0).score(), 1e-5);
      // vectors that are not unit length are scored by their true cosine too
      float[] c = {0, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
      float[] longC = {0, 0, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
      float[] d = {0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
      store.upsert(List.of(new VectorRecord("c", c, Map.of())));
      assertEquals(1.0, store.query(longC, 1, SearchFilter.NONE).get(0).score(), 1e-5);
      assertEquals(Math.sqrt(0.5), store.query(d, 1, SearchFilter.NONE).get(0).score(), 1e-5);
    }
  }

  @Test
  void filtersOnAgeAndSexArePushedIntoTheSearch() {
    List<VectorRecord> cases = cases(new Random(2));
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      store.upsert(cases);
      // query with case-0's vector (age 2, F) but only allow men aged 30..40
      List<ScoredMatch> hits = store.query(cases.get(0).values(), 10,
          new SearchFilter(30.0, 40.0, "m"));
      Set<String> ids = hits.stream().map(ScoredMatch::id).collect(Collectors.toSet());
      // ages 30..40 step 2 -> i = 14..19; men are odd i -> 15, 17, 19
      assertEquals(Set.of("case-15", "case-17", "case-19"), ids);
      for (ScoredMatch m : hits) {
        assertEquals("M", m.metadata().get("gender"));
      }
      List<ScoredMatch> older = store.query(cases.get(0).values(), 100,
          new SearchFilter(75.0, null, null));
      assertEquals(Set.of("case-37", "case-38", "case-39"),
          older.stream().map(ScoredMatch::id).collect(Collectors.toSet()));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> store.query(cases.get(0).values(), 3, new SearchFilter(50.0, 10.0, null)));
      assertTrue(e.getMessage().contains("ageMin"));
    }
  }

  @Test
  void upsertReplacesByIdAndDeleteRemoves() {
    Random rnd = new Random(3);
    List<VectorRecord> cases = cases(rnd);
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      store.upsert(cases);
      float[] moved = randomUnit(rnd);
      store.upsert(List.of(record("case-5", moved, 11, "M", "edited note")));
      assertEquals(40, store.count(), "same id replaces, never duplicates");
      ScoredMatch top = store.query(moved, 1, SearchFilter.NONE).get(0);
      assertEquals("case-5", top.id());
      assertEquals(11.0, ((Number) top.metadata().get("age_years")).doubleValue());

      store.delete(List.of("case-5", "case-6", "not-there"));
      assertEquals(38, store.count());
      for (ScoredMatch m : store.query(moved, 40, SearchFilter.NONE)) {
        assertFalse(Set.of("case-5", "case-6").contains(m.id()));
      }
    }
  }

  @Test
  void dataSurvivesCloseAndReopenAndReadOnlyOpeningSeesIt() {
    Path dir = tmp.resolve("idx");
    List<VectorRecord> cases = cases(new Random(4));
    try (LocalVectorStore store = LocalVectorStore.open(dir)) {
      store.upsert(cases);
    }
    try (LocalVectorStore store = LocalVectorStore.open(dir)) {
      assertEquals(40, store.count());
      assertEquals("case-3", store.query(cases.get(3).values(), 1, SearchFilter.NONE).get(0).id());
    }
    try (LocalVectorStore ro = LocalVectorStore.openReadOnly(dir)) {
      assertTrue(ro.isReadOnly());
      assertEquals(40, ro.count());
      assertThrows(IllegalStateException.class, () -> ro.delete(List.of("case-1")));
    }
  }

  @Test
  void readOnlyStoreSeesCommitsOfTheWriter() {
    Path dir = tmp.resolve("idx");
    List<VectorRecord> cases = cases(new Random(5));
    try (LocalVectorStore writer = LocalVectorStore.open(dir);
        LocalVectorStore reader = LocalVectorStore.openReadOnly(dir)) {
      assertEquals(0, reader.count());
      writer.upsert(cases.subList(0, 10));
      reader.refresh();
      assertEquals(10, reader.count());
      writer.delete(List.of("case-0"));
      reader.refresh();
      assertEquals(9, reader.count());
    }
  }

  @Test
  void bm25FindsANoteByARareWordWithStemmingAndFilters() {
    List<VectorRecord> cases = cases(new Random(6));
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      store.upsert(cases);
      List<ScoredMatch> hits = store.searchText("pheochromocytoma", 5, SearchFilter.NONE);
      assertEquals(1, hits.size());
      assertEquals("case-7", hits.get(0).id());
      assertTrue(hits.get(0).score() > 0);
      // English analysis: "fracture" matches "fractures"; syntax characters are plain text
      assertEquals("case-7", store.searchText("fracture AND (\"adrenal", 3, SearchFilter.NONE)
          .get(0).id());
      // case-7 is a man aged 16: a filter for women excludes it
      assertTrue(store.searchText("pheochromocytoma", 5, new SearchFilter(null, null, "F"))
          .isEmpty());
      assertTrue(store.searchText("the and of", 5, SearchFilter.NONE).isEmpty());
    }
  }

  @Test
  void concurrentQueriesAgreeWithSequentialOnes() throws Exception {
    List<VectorRecord> cases = cases(new Random(7));
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      store.upsert(cases);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<String>> futures = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
          for (int i = 0; i < cases.size(); i++) {
            float[] v = cases.get(i).values();
            futures.add(pool.submit(() -> store.query(v, 3, SearchFilter.NONE).get(0).id()));
          }
        }
        for (int k = 0; k < futures.size(); k++) {
          assertEquals("case-" + (k % cases.size()), futures.get(k).get());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void badInputIsRejectedNamingTheProblemAndChangesNothing() {
    Random rnd = new Random(8);
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      store.upsert(cases(rnd).subList(0, 3));
      IllegalArgumentException age = assertThrows(IllegalArgumentException.class,
          () -> store.upsert(List.of(record("ok", randomUnit(rnd), 1, "F", "t"),
              new VectorRecord("bad", randomUnit(rnd), Map.of("age_years", "forty")))));
      assertTrue(age.getMessage().contains("bad") && age.getMessage().contains("age_years"),
          age.getMessage());
      assertEquals(3, store.count(), "a bad record in a batch writes nothing");

      assertTrue(assertThrows(IllegalArgumentException.class, () -> store.upsert(List.of(
          new VectorRecord("r", randomUnit(rnd), Map.of("_id", "x"))))).getMessage()
          .contains("reserved"));
      assertTrue(assertThrows(IllegalArgumentException.class, () -> store.upsert(List.of(
          new VectorRecord("z", new float[DIM], Map.of())))).getMessage().contains("zeros"));
      assertTrue(assertThrows(IllegalArgumentException.class, () -> store.upsert(List.of(
          new VectorRecord("d", new float[] {1, 0, 0}, Map.of())))).getMessage()
          .contains("dimensions"));
      assertTrue(assertThrows(IllegalArgumentException.class,
          () -> store.query(new float[] {1, 0}, 3, SearchFilter.NONE)).getMessage()
          .contains("dimensions"));
      assertThrows(IllegalArgumentException.class,
          () -> store.query(randomUnit(rnd), 0, SearchFilter.NONE));
      assertEquals(3, store.count());
    }
  }

  @Test
  void otherMetadataTypesRoundTrip() {
    Map<String, Object> md = Map.of("retracted", true, "citations", 12, "weight", 0.5,
        "pmid", "123");
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      float[] v = randomUnit(new Random(9));
      store.upsert(List.of(new VectorRecord("x", v, md)));
      Map<String, Object> back = store.query(v, 1, SearchFilter.NONE).get(0).metadata();
      assertEquals(Boolean.TRUE, back.get("retracted"));
      assertEquals(12L, back.get("citations"));
      assertEquals(0.5, back.get("weight"));
      assertEquals("123", back.get("pmid"));
    }
  }

  @Test
  void secondWriterAndMissingIndexAndAnalyzerMismatchFailClearly() {
    Path dir = tmp.resolve("idx");
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> LocalVectorStore.openReadOnly(tmp.resolve("missing")));
    assertTrue(none.getMessage().contains("no local vector index"));
    try (LocalVectorStore store = LocalVectorStore.open(dir)) {
      IllegalStateException twice = assertThrows(IllegalStateException.class,
          () -> LocalVectorStore.open(dir));
      assertTrue(twice.getMessage().contains("already open for writing"));
    }
    IllegalStateException mismatch = assertThrows(IllegalStateException.class,
        () -> LocalVectorStore.open(dir, TextAnalysis.STANDARD));
    assertTrue(mismatch.getMessage().contains("english"));
  }

  @Test
  void emptyIndexAnswersEmpty() {
    try (LocalVectorStore store = LocalVectorStore.open(tmp.resolve("idx"))) {
      assertEquals(0, store.count());
      assertTrue(store.query(randomUnit(new Random(10)), 3, SearchFilter.NONE).isEmpty());
      assertTrue(store.searchText("fever", 3, SearchFilter.NONE).isEmpty());
      store.delete(List.of("nothing"));
      store.upsert(List.of());
    }
  }
}
