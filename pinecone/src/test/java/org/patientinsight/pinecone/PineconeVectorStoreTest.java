package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.pinecone.proto.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.vector.ScoredMatch;
import org.patientinsight.core.vector.SearchFilter;
import org.patientinsight.core.vector.VectorRecord;

/** The real Pinecone client, through our store, against a loopback Pinecone data plane. */
class PineconeVectorStoreTest {

  private static final String KEY = "test-api-key";
  private FakePineconeServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakePineconeServer(TestRecords.DIM, KEY);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private PineconeSettings settings(String namespace, int maxVectors, long deadlineMs,
      int attempts, String apiKey) {
    return new PineconeSettings(apiKey, server.host(), null, null, namespace, false, maxVectors,
        1_800_000, 50.0, 1, deadlineMs, attempts, 1, 5);
  }

  private PineconeVectorStore store() {
    return new PineconeVectorStore(settings("cases", 100, 5_000, 4, KEY));
  }

  @Test
  void upsertThenQueryFindsTheRecordWithPlainMetadata() {
    try (PineconeVectorStore store = store()) {
      List<VectorRecord> records = IntStream.range(0, 30)
          .mapToObj(i -> TestRecords.record(i, 20 + i, i % 2 == 0 ? "F" : "M", "note " + i))
          .toList();
      store.upsert(records);
      assertEquals(30, store.count());

      List<ScoredMatch> hits = store.query(TestRecords.unitVector(7), 5, SearchFilter.NONE);
      assertEquals(5, hits.size());
      assertEquals("uid-7", hits.get(0).id());
      assertEquals(1.0, hits.get(0).score(), 1e-5);
      assertTrue(hits.get(0).score() > hits.get(1).score());
      assertEquals("30000007", hits.get(0).metadata().get("pmid"));
      assertEquals(27.0, hits.get(0).metadata().get("age_years"));
      assertEquals("M", hits.get(0).metadata().get("gender"));
      assertEquals(30, store.stats().vectors());
      assertEquals(server.upsertSizes.get(0)[0], store.stats().bytes());
    }
  }

  @Test
  void queryFilterIsPushedDownToPinecone() {
    try (PineconeVectorStore store = store()) {
      List<VectorRecord> records = IntStream.range(0, 40)
          .mapToObj(i -> TestRecords.record(i, i * 2.5, i % 3 == 0 ? "F" : "M", "n"))
          .toList();
      store.upsert(records);
      List<ScoredMatch> hits = store.query(TestRecords.unitVector(1), 100,
          new SearchFilter(30.0, 60.0, "F"));
      Set<String> expected = IntStream.range(0, 40)
          .filter(i -> i % 3 == 0 && i * 2.5 >= 30 && i * 2.5 <= 60)
          .mapToObj(i -> "uid-" + i).collect(Collectors.toSet());
      assertFalse(expected.isEmpty());
      assertEquals(expected, hits.stream().map(ScoredMatch::id).collect(Collectors.toSet()));
      for (ScoredMatch m : hits) {
        assertEquals("F", m.metadata().get("gender"));
      }
      List<ScoredMatch> older = store.query(TestRecords.unitVector(1), 100,
          new SearchFilter(90.0, null, null));
      assertEquals(Set.of("uid-36", "uid-37", "uid-38", "uid-39"),
          older.stream().map(ScoredMatch::id).collect(Collectors.toSet()));
    }
  }

  @Test
  void largeMetadataSplitsIntoSeveralRequestsAllUnderTwoMegabytes() {
    try (PineconeVectorStore store = store()) {
      // 120 records of ~39 KB metadata each: ~4.7 MB, far over one request
      List<VectorRecord> records = IntStream.range(0, 120)
          .mapToObj(i -> TestRecords.record(i, 50, "F", TestRecords.text(38_500, i)))
          .toList();
      store.upsert(records);

      assertTrue(server.upsertSizes.size() >= 3, "requests: " + server.upsertSizes.size());
      int vectors = 0;
      for (int[] sizeAndCount : server.upsertSizes) {
        assertTrue(sizeAndCount[0] <= 1_800_000, "request of " + sizeAndCount[0] + " bytes");
        vectors += sizeAndCount[1];
      }
      assertEquals(120, vectors);
      assertEquals(120, store.count());
      assertEquals(server.upsertSizes.size(), store.stats().requests());
    }
  }

  @Test
  void upsertsArePacedToThisWritersShareOfTheBudget() {
    // 2 MB/s over 2 writers = 1 MB/s here; ~1.6 MB sent, the first 1 MB from a full bucket.
    // The bucket runs on a clock that only moves while the store waits for it, so the wait is
    // exactly what the budget demands.
    PineconeSettings paced = new PineconeSettings(KEY, server.host(), null, null, "cases", false,
        100, 400_000, 2.0, 2, 5_000, 3, 1, 5);
    assertEquals(1_000_000, paced.perWriterBytesPerSecond(), 1e-6);
    FakeNanoTime time = new FakeNanoTime();
    try (PineconeVectorStore store = new PineconeVectorStore(paced,
        connection -> time.limiter(paced.perWriterBytesPerSecond()))) {
      store.upsert(IntStream.range(0, 40)
          .mapToObj(i -> TestRecords.record(i, 50, "F", TestRecords.text(38_000, i))).toList());
      long bytes = store.stats().bytes();
      assertTrue(bytes > 1_500_000, "sent " + bytes);
      long owedNanos = (bytes - 1_000_000) * 1_000; // at 1 MB/s = 1,000 ns per byte
      // each wait is rounded up to the next nanosecond
      assertEquals(owedNanos, time.sleptNanos(), time.sleeps.size());
      assertEquals(owedNanos / 1_000_000, store.stats().throttledMillis());
      assertEquals(40, store.count());
    }
  }

  @Test
  void metadataOverFortyKilobytesIsTrimmedNotRejected() {
    try (PineconeVectorStore store = store()) {
      VectorRecord huge = TestRecords.record(1, 61, "M", TestRecords.text(200_000, 9));
      VectorRecord normal = TestRecords.record(2, 33, "F", "short note");
      store.upsert(List.of(huge, normal));

      Vector stored = server.namespace("cases").get("uid-1");
      assertTrue(stored.getMetadata().getSerializedSize() <= FakePineconeServer.MAX_METADATA_BYTES);
      String snippet = stored.getMetadata().getFieldsOrThrow("snippet").getStringValue();
      assertTrue(snippet.length() > 30_000 && snippet.length() < 200_000, "" + snippet.length());
      assertEquals("30000001", stored.getMetadata().getFieldsOrThrow("pmid").getStringValue());
      assertEquals("short note", server.namespace("cases").get("uid-2").getMetadata()
          .getFieldsOrThrow("snippet").getStringValue());
    }
  }

  @Test
  void batchesAreCutByCount() {
    try (PineconeVectorStore store = new PineconeVectorStore(settings("cases", 100, 5_000, 4,
        KEY))) {
      store.upsert(IntStream.range(0, 250)
          .mapToObj(i -> TestRecords.record(i, 40, "F", "n")).toList());
      assertEquals(List.of(100, 100, 50),
          server.upsertSizes.stream().map(s -> s[1]).toList());
    }
  }

  @Test
  void throttlingAndUnavailableAreRetriedThenSucceed() {
    try (PineconeVectorStore store = store()) {
      server.failNext(Status.RESOURCE_EXHAUSTED.withDescription("Request rate limit exceeded"),
          Status.UNAVAILABLE, Status.ABORTED);
      store.upsert(List.of(TestRecords.record(1, 40, "F", "n")));
      assertEquals(4, server.upsertCalls.get());
      assertEquals(1, store.count());
    }
  }

  @Test
  void invalidArgumentFailsAtOnceWithAClearMessage() {
    try (PineconeVectorStore store = store()) {
      VectorRecord wrongDims = new VectorRecord("uid-x", new float[] {0.1f, 0.2f},
          java.util.Map.of("snippet", "SECRET PATIENT TEXT"));
      PineconeStoreException e = assertThrows(PineconeStoreException.class,
          () -> store.upsert(List.of(wrongDims)));
      assertEquals(1, server.upsertCalls.get());
      assertEquals("INVALID_ARGUMENT", e.status());
      assertEquals(1, e.attempts());
      assertFalse(e.retryable());
      assertTrue(e.getMessage().contains("upsert") && e.getMessage().contains("not retried")
          && e.getMessage().contains("dimension"), e.getMessage());
      assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }
  }

  @Test
  void aBadRecordAnywhereFailsBeforeAnythingIsSent() {
    try (PineconeVectorStore store = store()) {
      List<VectorRecord> records = new ArrayList<>();
      IntStream.range(0, 150).forEach(i -> records.add(TestRecords.record(i, 40, "F", "n")));
      records.add(new VectorRecord("uid-bad", new float[] {Float.NaN}, java.util.Map.of()));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> store.upsert(records));
      assertTrue(e.getMessage().contains("uid-bad"));
      assertEquals(0, server.upsertCalls.get());
    }
  }

  @Test
  void wrongApiKeyFailsAtOnceNamingTheVariable() {
    try (PineconeVectorStore store = new PineconeVectorStore(settings("cases", 100, 5_000, 4,
        "not-the-key"))) {
      PineconeStoreException e = assertThrows(PineconeStoreException.class, store::count);
      assertEquals("UNAUTHENTICATED", e.status());
      assertEquals(1, e.attempts());
      assertTrue(e.getMessage().contains("PINECONE_API_KEY"), e.getMessage());
    }
  }

  @Test
  void exceededDeadlineIsRetried() throws Exception {
    try (PineconeVectorStore store = new PineconeVectorStore(settings("cases", 100, 1_000, 4,
        KEY))) {
      server.stallNext(1, 30_000);
      store.upsert(List.of(TestRecords.record(1, 40, "F", "n")));
      // the stalled call carried the configured deadline and the client gave up on it at
      // that deadline (the server never answered it), then sent it again
      assertEquals(1, server.stalled.size());
      FakePineconeServer.Stall stall = server.stalled.get(0);
      assertTrue(stall.deadlineMillis() != null && stall.deadlineMillis() <= 1_000,
          "deadline on arrival: " + stall.deadlineMillis());
      assertTrue(stall.cancelledByClient(), "the client did not cancel the stalled call");
      assertTrue(server.upsertCalls.get() >= 2, "the stalled call was not retried");
      assertEquals(1, store.count());
    }
  }

  @Test
  void transientErrorsThatOutlastAttemptsFail() {
    try (PineconeVectorStore store = new PineconeVectorStore(settings("cases", 100, 5_000, 3,
        KEY))) {
      server.failNext(Status.UNAVAILABLE, Status.UNAVAILABLE, Status.UNAVAILABLE,
          Status.UNAVAILABLE);
      PineconeStoreException e = assertThrows(PineconeStoreException.class,
          () -> store.query(TestRecords.unitVector(1), 3, SearchFilter.NONE));
      assertEquals(3, e.attempts());
      assertTrue(e.retryable());
      assertEquals(3, server.queryCalls.get());
    }
  }

  @Test
  void deleteRemovesIdsInBatchesOfAtMostAThousand() {
    try (PineconeVectorStore store = store()) {
      store.upsert(IntStream.range(0, 10)
          .mapToObj(i -> TestRecords.record(i, 40, "F", "n")).toList());
      store.delete(List.of("uid-1", "uid-2", "uid-2", "no-such-id"));
      assertEquals(8, store.count());
      assertEquals(1, server.deleteCalls.get());

      List<String> many = new ArrayList<>();
      IntStream.range(0, 2_500).forEach(i -> many.add("uid-" + i));
      store.delete(many);
      assertEquals(0, store.count());
      assertEquals(1 + 3, server.deleteCalls.get());
    }
  }

  @Test
  void namespacesAreSeparate() {
    try (PineconeVectorStore a = store();
        PineconeVectorStore b = new PineconeVectorStore(settings("other", 100, 5_000, 4, KEY))) {
      a.upsert(List.of(TestRecords.record(1, 40, "F", "n"), TestRecords.record(2, 40, "F", "n")));
      b.upsert(List.of(TestRecords.record(3, 40, "F", "n")));
      assertEquals(2, a.count());
      assertEquals(1, b.count());
      assertEquals(List.of("uid-3"), b.query(TestRecords.unitVector(1), 10, SearchFilter.NONE)
          .stream().map(ScoredMatch::id).toList());
    }
  }

  @Test
  void badQueryArgumentsNameTheProblem() {
    try (PineconeVectorStore store = store()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> store.query(TestRecords.unitVector(1), 0, SearchFilter.NONE));
      assertTrue(e.getMessage().contains("topK"));
      assertEquals(0, server.queryCalls.get());
    }
  }
}
