package org.patientinsight.jobs.ingest.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: reading a file in byte-range splits gives exactly the records of reading it start
 * to end, for generated files full of what makes CSV splitting hard, and any split size.
 */
class SplitStartsPropertyTest {
  private static final String[] PIECES = {
    "plain", "with, comma", "say \"\"hi\"\"", "line\nbreak", "crlf\r\ninside", "cr\rinside",
    "", "ünïcødé – 39 °C", "a,b,c", "x\n1,2,3,4\ny", "\n\n", "\"\"", ",,,", "tail\r\n"};

  /** A file of `rows` records over `fields` columns; a few records deliberately broken. */
  static byte[] generate(SplittableRandom rng, int rows, int fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (rng.nextInt(4) == 0) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    StringBuilder header = new StringBuilder();
    for (int f = 0; f < fields; f++) {
      header.append(f == 0 ? "" : ",").append("c").append(f);
    }
    out.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
    String[] ends = {"\n", "\r\n", "\r"};
    String end = ends[rng.nextInt(ends.length)];
    for (int r = 0; r < rows; r++) {
      StringBuilder rec = new StringBuilder();
      int n = rng.nextInt(20) == 0 ? fields + rng.nextInt(3) - 1 : fields; // wrong field count
      for (int f = 0; f < n; f++) {
        if (f > 0) {
          rec.append(',');
        }
        rec.append(field(rng, fields));
      }
      out.writeBytes(rec.toString().getBytes(StandardCharsets.UTF_8));
      if (rng.nextInt(30) == 0) {
        out.write(0xE9); // a Latin-1 byte
      }
      if (r < rows - 1 || rng.nextBoolean()) {
        out.writeBytes((rng.nextInt(15) == 0 ? end + end : end).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static String field(SplittableRandom rng, int fields) {
    int kind = rng.nextInt(12);
    if (kind == 0) {
      return "";
    }
    if (kind == 1) {
      return "u" + rng.nextInt(1000);
    }
    if (kind == 2) {
      // a long note: longer than many splits, with lines that look like whole records
      StringBuilder b = new StringBuilder("\"");
      int lines = 2 + rng.nextInt(6);
      for (int l = 0; l < lines; l++) {
        for (int f = 0; f < fields; f++) {
          b.append(f == 0 ? "\n" : ",").append("w").append(rng.nextInt(100));
        }
      }
      return b.append("\"").toString();
    }
    if (kind == 3) {
      return "\"stray \"quote\" here\nnext line\""; // a quote neither doubled nor closing
    }
    if (kind == 4 && rng.nextInt(4) == 0) {
      return "\"never closed\n" + "1,2"; // unterminated quote
    }
    StringBuilder b = new StringBuilder("\"");
    int parts = 1 + rng.nextInt(3);
    for (int p = 0; p < parts; p++) {
      b.append(PIECES[rng.nextInt(PIECES.length)]);
    }
    return b.append("\"").toString();
  }

  @Test
  void splitReadEqualsSequentialReadForAnySplitSize() {
    SplittableRandom rng = new SplittableRandom(20261202L);
    int files = 0;
    int brokenSeen = 0;
    CsvBytes.reprobes[0] = 0;
    for (int i = 0; i < 300; i++) {
      int fields = 2 + rng.nextInt(4);
      byte[] data = generate(rng, 1 + rng.nextInt(40), fields);
      List<String> expected = CsvBytes.sequential(data, fields);
      for (long split : new long[] {1, 2, 3 + rng.nextInt(20), 20 + rng.nextInt(200), data.length}) {
        assertEquals(expected, CsvBytes.parallel(data, fields, split),
            "file " + i + " split " + split + ":\n" + new String(data, StandardCharsets.UTF_8));
      }
      files++;
      brokenSeen += (int) expected.stream().filter(s -> !s.contains("corrupt=null")).count();
    }
    assertEquals(300, files);
    assertTrue(brokenSeen > 100, "the files exercise broken records: " + brokenSeen);
    assertTrue(CsvBytes.reprobes[0] > 100, "wrong guesses happened and were corrected: " + CsvBytes.reprobes[0]);
  }
}
