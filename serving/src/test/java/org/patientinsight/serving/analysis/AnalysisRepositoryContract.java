package org.patientinsight.serving.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.serving.generate.CaseDescription;
import org.patientinsight.serving.retrieval.RetrievalStats;
import org.patientinsight.serving.retrieval.RetrievedCase;

/** What every analyses store must do; each store's test supplies two handles on one store. */
abstract class AnalysisRepositoryContract {
  /** A handle on the shared store (each call: a new instance, as another process would have). */
  abstract AnalysisRepository open();

  static StoredAnalysis analysis(String owner, Instant created) {
    return new StoredAnalysis(UUID.randomUUID().toString(), owner, created.toString(),
        new CaseDescription("cough", 40.0, "M"), 3, SearchFilter.NONE, "bm25",
        List.of(new RetrievedCase("1-1", "1", "t", 0.7, "s", 40.0, "M", "note")),
        new RetrievalStats(0.7, 0.7, 0.7, false), "report", "extractive", false,
        new Usage(0, 0, null), Map.of("totalMs", 5L), List.of());
  }

  static QuestionAnswer question(String text) {
    return new QuestionAnswer(UUID.randomUUID().toString(), "2026-01-01T00:00:00Z", text,
        "answer to " + text, "extractive", new Usage(0, 0, null), 1);
  }

  @Test
  void createsFindsAppendsInOrderAndSurvivesANewInstance() {
    StoredAnalysis a = analysis("k1", Instant.parse("2026-01-01T00:00:00Z"));
    try (AnalysisRepository r = open()) {
      r.create(a);
      assertTrue(r.appendQuestion(a.id(), question("first")));
      assertTrue(r.appendQuestion(a.id(), question("second")));
    }
    try (AnalysisRepository fresh = open()) {
      StoredAnalysis back = fresh.find(a.id()).orElseThrow();
      assertEquals(a.withoutQuestions(), back.withoutQuestions());
      assertEquals("k1", back.owner());
      assertEquals(List.of("first", "second"), back.questions().stream().map(QuestionAnswer::question).toList());
      assertTrue(fresh.find(UUID.randomUUID().toString()).isEmpty(), "unknown id");
      assertTrue(fresh.find("../../etc/passwd").isEmpty(), "malformed id");
      assertFalse(fresh.appendQuestion(UUID.randomUUID().toString(), question("lost")), "unknown id");
    }
  }

  @Test
  void deletesCountsByOwnerAndPurgesByCreationTime() {
    try (AnalysisRepository r = open()) {
      String owner = "o" + UUID.randomUUID().toString().substring(0, 8);
      StoredAnalysis old = analysis(owner, Instant.parse("2020-01-01T00:00:00Z"));
      StoredAnalysis recent = analysis(owner, Instant.parse("2026-06-01T00:00:00Z"));
      StoredAnalysis other = analysis(owner, Instant.parse("2026-06-02T00:00:00Z"));
      r.create(old);
      r.create(recent);
      r.create(other);
      r.appendQuestion(old.id(), question("q"));
      assertEquals(3, r.countOwnedBy(owner));
      assertTrue(r.delete(other.id()));
      assertFalse(r.delete(other.id()), "already gone");
      assertTrue(r.find(other.id()).isEmpty());
      assertEquals(2, r.countOwnedBy(owner));
      assertTrue(r.deleteCreatedBefore(Instant.parse("2026-01-01T00:00:00Z")) >= 1);
      assertTrue(r.find(old.id()).isEmpty(), "older than the cutoff");
      assertTrue(r.find(recent.id()).isPresent(), "newer than the cutoff");
      assertEquals(1, r.countOwnedBy(owner));
      assertFalse(r.appendQuestion(old.id(), question("after purge")));
    }
  }

  @Test
  void createWithinRefusesAnOwnerAtTheQuota() {
    try (AnalysisRepository r = open()) {
      String owner = "q" + UUID.randomUUID().toString().substring(0, 8);
      assertTrue(r.createWithin(analysis(owner, Instant.parse("2026-01-01T00:00:00Z")), 2));
      assertTrue(r.createWithin(analysis(owner, Instant.parse("2026-01-01T00:00:00Z")), 2));
      assertFalse(r.createWithin(analysis(owner, Instant.parse("2026-01-01T00:00:00Z")), 2));
      assertTrue(r.createWithin(analysis("someone-else", Instant.parse("2026-01-01T00:00:00Z")), 2));
      assertEquals(2, r.countOwnedBy(owner));
    }
  }

  @Test
  void concurrentAppendsThroughTwoHandlesAreAllKeptInOrder() throws Exception {
    StoredAnalysis a = analysis("k1", Instant.parse("2026-01-01T00:00:00Z"));
    try (AnalysisRepository one = open(); AnalysisRepository two = open()) {
      one.create(a);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            AnalysisRepository r = (thread + i) % 2 == 0 ? one : two;
            assertTrue(r.appendQuestion(a.id(), question(thread + ":" + i)));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      List<QuestionAnswer> qs = two.find(a.id()).orElseThrow().questions();
      assertEquals(200, qs.size());
      assertEquals(200, new HashSet<>(qs.stream().map(QuestionAnswer::id).toList()).size(), "no duplicates");
      for (int t = 0; t < 8; t++) {
        String prefix = t + ":";
        List<Integer> seen = qs.stream().map(QuestionAnswer::question).filter(q -> q.startsWith(prefix))
            .map(q -> Integer.parseInt(q.substring(prefix.length()))).toList();
        List<Integer> expected = java.util.stream.IntStream.range(0, 25).boxed().toList();
        assertEquals(expected, seen, "each writer's questions in the order it sent them");
      }
    }
  }
}
