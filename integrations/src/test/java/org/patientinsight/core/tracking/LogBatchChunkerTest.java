package org.patientinsight.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogBatchChunkerTest {

  private static Map<String, String> strings(String prefix, int n) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(prefix + i, "v");
    }
    return m;
  }

  private static Map<String, Double> numbers(int n) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("m" + i, (double) i);
    }
    return m;
  }

  @Test
  void everyEntityOnceAndEveryBatchWithinLimits() {
    List<LogBatchChunker.Batch> batches = new LogBatchChunker()
        .chunk(strings("p", 250), numbers(2500), strings("t", 120));
    int p = 0;
    int m = 0;
    int t = 0;
    for (LogBatchChunker.Batch b : batches) {
      assertTrue(b.params().size() <= 100 && b.tags().size() <= 100
          && b.metrics().size() <= 1000 && b.size() <= 1000, b.size() + "");
      p += b.params().size();
      m += b.metrics().size();
      t += b.tags().size();
    }
    assertEquals(250, p);
    assertEquals(2500, m);
    assertEquals(120, t);
    // first batch: 100 params + 100 tags leave room for 800 metrics
    assertEquals(800, batches.get(0).metrics().size());
    // then 100 params + 20 tags + 880 metrics, then 50 params + 820 metrics
    assertEquals(880, batches.get(1).metrics().size());
    assertEquals(3, batches.size());
  }

  @Test
  void largeValuesAreSplitSoEveryRequestBodyStaysUnderOneMegabyte() throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      // '<' and '=' are written as \\u003c / \\u003d: 6 bytes each in the JSON
      params.put("p" + i, "<a=" + "x".repeat(5997));
      tags.put("t" + i, "é".repeat(8000));
    }
    List<LogBatchChunker.Batch> batches = new LogBatchChunker().chunk(params, numbers(1000), tags);
    int p = 0;
    int t = 0;
    int m = 0;
    for (LogBatchChunker.Batch b : batches) {
      int bytes = MlflowRestApi.logBatchJson("0123456789abcdef0123456789abcdef", b, 1L)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      assertTrue(bytes <= MlflowLimits.MAX_BATCH_REQUEST_BYTES, bytes + " bytes");
      p += b.params().size();
      t += b.tags().size();
      m += b.metrics().size();
    }
    assertEquals(100, p);
    assertEquals(100, t);
    assertEquals(1000, m);
    assertTrue(batches.size() >= 3, batches.size() + " batches");
  }

  @Test
  void jsonSizeIsAnUpperBoundOfWhatTheProtobufPrinterWrites() throws Exception {
    String tricky = "a\"b\\c<d>e&f=g'h\ni\u0001jé漢😀\u2028";
    LogBatchChunker.Batch one = new LogBatchChunker.Batch(Map.of("k", tricky), Map.of(), Map.of());
    LogBatchChunker.Batch empty = new LogBatchChunker.Batch(Map.of("k", ""), Map.of(), Map.of());
    int actual = MlflowRestApi.logBatchJson("r", one, 1L)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        - MlflowRestApi.logBatchJson("r", empty, 1L)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    assertTrue(LogBatchChunker.jsonSize(tricky) - 2 >= actual,
        LogBatchChunker.jsonSize(tricky) + " vs " + actual);
  }

  @Test
  void smallRunIsOneBatchAndEmptyRunIsNone() {
    assertEquals(1, new LogBatchChunker().chunk(strings("p", 3), numbers(3), Map.of()).size());
    assertEquals(0, new LogBatchChunker().chunk(Map.of(), Map.of(), Map.of()).size());
  }
}
