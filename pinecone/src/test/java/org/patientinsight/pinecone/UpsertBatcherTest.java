package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinecone.proto.UpsertRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.vector.VectorRecord;

class UpsertBatcherTest {

  @Test
  void cutsByBytesExactlyOnTheWireSize() {
    List<VectorRecord> records = IntStream.range(0, 200)
        .mapToObj(i -> TestRecords.record(i, 30, "M", TestRecords.text(20_000, i))).toList();
    int limit = 500_000;
    List<UpsertRequest> batches = new UpsertBatcher("ns", 1000, limit).batches(records);
    int total = 0;
    for (int b = 0; b < batches.size(); b++) {
      UpsertRequest r = batches.get(b);
      assertTrue(r.getSerializedSize() <= limit);
      assertEquals("ns", r.getNamespace());
      total += r.getVectorsCount();
      if (b < batches.size() - 1) { // full: one more vector would not have fitted
        int next = batches.get(b + 1).getVectors(0).getSerializedSize();
        assertTrue(r.getSerializedSize() + next > limit - 8);
      }
    }
    assertEquals(200, total);
    assertEquals("uid-0", batches.get(0).getVectors(0).getId()); // order kept
  }

  @Test
  void cutsByCount() {
    List<VectorRecord> records = IntStream.range(0, 7)
        .mapToObj(i -> TestRecords.record(i, 30, "M", "n")).toList();
    assertEquals(List.of(3, 3, 1), new UpsertBatcher("", 3, 2_000_000).batches(records)
        .stream().map(UpsertRequest::getVectorsCount).toList());
  }

  @Test
  void rejectsBadRecordsByIdBeforeSendingAnything() {
    VectorRecord nan = new VectorRecord("uid-nan", new float[] {Float.NaN}, Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new UpsertBatcher("", 10, 2_000_000).batches(List.of(nan)));
    assertTrue(e.getMessage().contains("uid-nan"));
    VectorRecord longId = new VectorRecord("x".repeat(600), new float[] {1f}, Map.of());
    assertThrows(IllegalArgumentException.class,
        () -> new UpsertBatcher("", 10, 2_000_000).batches(List.of(longId)));
  }
}
