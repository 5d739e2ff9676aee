package org.patientinsight.jobs.ingest.records;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads CSV bytes the two ways: start to end, and in byte-range splits as the Spark reader does. */
final class CsvBytes {
  static final int MAX_RECORD = 1 << 20;

  private CsvBytes() {}

  static ByteWindow window(byte[] data, long offset) {
    ByteArrayInputStream in = new ByteArrayInputStream(data);
    in.skip(offset);
    return new ByteWindow(in, offset, 16); // small, so growing and compacting are exercised too
  }

  /** The header's end; the records after it, read start to end. */
  static List<String> sequential(byte[] data, int fieldCount) {
    long[] end = new long[1];
    CsvRecordParser.header(window(data, 0), 0, end);
    ByteWindow w = window(data, end[0]);
    CsvRecordParser p = new CsvRecordParser(w, fieldCount, MAX_RECORD);
    List<String> out = new ArrayList<>();
    long[] next = {end[0]};
    RawRecord r;
    while ((r = p.next(next[0], next)) != null) {
      out.add(describe(r));
    }
    return out;
  }

  /** Counts how often a guessed split start had to be corrected. */
  static int[] reprobes = new int[1];

  static List<String> parallel(byte[] data, int fieldCount, long splitBytes) {
    long[] end = new long[1];
    CsvRecordParser.header(window(data, 0), 0, end);
    return parallel(data, end[0], splitBytes, w -> new CsvRecordParser(w, fieldCount, MAX_RECORD));
  }

  /** Records from one start to the end of input. */
  static List<String> sequential(byte[] data, long first, java.util.function.Function<ByteWindow, RecordReader> reader) {
    RecordReader p = reader.apply(window(data, first));
    List<String> out = new ArrayList<>();
    long[] next = {first};
    RawRecord r;
    while ((r = p.next(next[0], next)) != null) {
      out.add(describe(r));
    }
    return out;
  }

  static List<String> parallel(byte[] data, long first, long splitBytes,
      java.util.function.Function<ByteWindow, RecordReader> reader) {
    long[] end = {first};
    long[] bounds = SplitStarts.bounds(data.length, splitBytes);
    int m = bounds.length - 1;
    SplitStarts.Probe[] probes = new SplitStarts.Probe[m];
    for (int k = 0; k < m; k++) {
      long known = k == 0 ? end[0] : -1;
      ByteWindow w = window(data, k == 0 ? known : Math.max(0, bounds[k] - 1));
      probes[k] = SplitStarts.probe(reader.apply(w), bounds[k], bounds[k + 1], known);
    }
    long[] starts = SplitStarts.resolve(bounds, end[0], probes, (k, from, target) -> {
      reprobes[0]++;
      return reader.apply(window(data, from)).firstStartAtOrAfter(from, target);
    });
    List<String> out = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      if (starts[k] >= starts[k + 1]) {
        continue;
      }
      RecordReader p = reader.apply(window(data, starts[k]));
      long[] next = {starts[k]};
      while (next[0] < starts[k + 1]) {
        RawRecord r = p.next(next[0], next);
        if (r == null) {
          throw new AssertionError("split " + k + " ran out of input at " + next[0]);
        }
        out.add(describe(r));
      }
      if (next[0] != starts[k + 1]) {
        throw new AssertionError("split " + k + " overshot: " + next[0] + " vs " + starts[k + 1]);
      }
    }
    return out;
  }

  static String describe(RawRecord r) {
    return r.offset() + " " + Arrays.toString(r.fields()) + " corrupt=" + r.corrupt()
        + " badEncoding=" + Arrays.toString(r.badEncodingFields());
  }
}
