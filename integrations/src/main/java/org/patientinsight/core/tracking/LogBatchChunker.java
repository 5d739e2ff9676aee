package org.patientinsight.core.tracking;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a run's entities into runs/log-batch requests that stay within MLflow's limits
 * (≤ 1000 metrics, ≤ 100 params, ≤ 100 tags, ≤ 1000 entities and ≤ 1 MB of JSON per request).
 * Params and tags go first so a run that fails half-way still shows its configuration.
 */
final class LogBatchChunker {

  /** One log-batch request's worth of entities. */
  record Batch(Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags) {
    int size() {
      return params.size() + metrics.size() + tags.size();
    }
  }

  private final int maxMetrics;
  private final int maxParams;
  private final int maxTags;
  private final int maxTotal;
  private final long maxBytes;

  LogBatchChunker() {
    // byte budget below the server's 1 MB, leaving room for the envelope (run id, brackets)
    this(MlflowLimits.MAX_METRICS_PER_BATCH, MlflowLimits.MAX_PARAMS_TAGS_PER_BATCH,
        MlflowLimits.MAX_PARAMS_TAGS_PER_BATCH, MlflowLimits.MAX_ENTITIES_PER_BATCH,
        MlflowLimits.MAX_BATCH_REQUEST_BYTES - 10_000);
  }

  LogBatchChunker(int maxMetrics, int maxParams, int maxTags, int maxTotal, long maxBytes) {
    if (maxMetrics < 1 || maxParams < 1 || maxTags < 1 || maxTotal < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("log-batch limits must be positive");
    }
    this.maxMetrics = maxMetrics;
    this.maxParams = maxParams;
    this.maxTags = maxTags;
    this.maxTotal = maxTotal;
    this.maxBytes = maxBytes;
  }

  List<Batch> chunk(Map<String, String> params, Map<String, Double> metrics,
      Map<String, String> tags) {
    Queue<String, String> p = new Queue<>(params);
    Queue<String, String> t = new Queue<>(tags);
    Queue<String, Double> m = new Queue<>(metrics);
    List<Batch> out = new ArrayList<>();
    while (p.hasNext() || t.hasNext() || m.hasNext()) {
      Map<String, String> bp = new LinkedHashMap<>();
      Map<String, String> bt = new LinkedHashMap<>();
      Map<String, Double> bm = new LinkedHashMap<>();
      long[] bytes = {0};
      int room = maxTotal;
      room -= take(p, bp, Math.min(maxParams, room), bytes);
      room -= take(t, bt, Math.min(maxTags, room), bytes);
      take(m, bm, Math.min(maxMetrics, room), bytes);
      out.add(new Batch(bp, bm, bt));
    }
    return out;
  }

  /** Moves up to n entries while the byte budget lasts; a batch always takes at least one. */
  private <V> int take(Queue<String, V> from, Map<String, V> into, int n, long[] bytes) {
    int taken = 0;
    while (taken < n && from.hasNext()) {
      Map.Entry<String, V> e = from.peek();
      long size = jsonSize(e.getKey()) + (e.getValue() instanceof String s ? jsonSize(s) : 32)
          + 48;
      if (bytes[0] + size > maxBytes && bytes[0] > 0) {
        break;
      }
      from.next();
      bytes[0] += size;
      into.put(e.getKey(), e.getValue());
      taken++;
    }
    return taken;
  }

  /**
   * Upper bound of a string's size in the request JSON: protobuf's printer escapes quotes and
   * backslashes, HTML-sensitive characters and control characters (up to 6 bytes each) and
   * writes everything else as UTF-8.
   */
  static long jsonSize(String s) {
    long n = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        n += 2;
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '=' || c == '\''
          || c == '\u2028' || c == '\u2029') {
        n += 6;
      } else if (c < 0x80) {
        n += 1;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        n += 2; // a surrogate pair is 4 bytes in UTF-8: 2 per half
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** An iterator that can look at its next entry before taking it. */
  private static final class Queue<K, V> {
    private final Iterator<Map.Entry<K, V>> it;
    private Map.Entry<K, V> head;

    Queue(Map<K, V> map) {
      this.it = map.entrySet().iterator();
    }

    boolean hasNext() {
      return head != null || it.hasNext();
    }

    Map.Entry<K, V> peek() {
      if (head == null) {
        head = it.next();
      }
      return head;
    }

    Map.Entry<K, V> next() {
      Map.Entry<K, V> e = peek();
      head = null;
      return e;
    }
  }
}
