package org.patientinsight.jobs.ingest.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The JSON-array release: its records, and the same records from any byte-range split. */
class JsonArrayParserTest {
  static final List<String> COLS = List.of("patient_uid", "age", "relevant_articles", "patient");

  private static List<String> read(String text) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    long first = new JsonArrayParser(CsvBytes.window(data, 0), COLS, 1 << 20).firstRecordStart();
    return CsvBytes.sequential(data, first, w -> new JsonArrayParser(w, COLS, 1 << 20));
  }

  @Test
  void prettyAndOneLineArraysGiveTheSameFields() {
    String pretty = "[\n  {\n    \"patient_uid\": \"1-1\",\n    \"age\": [\n      [\n        60.0,\n        \"year\"\n"
        + "      ]\n    ],\n    \"relevant_articles\": {\n      \"123\": 1\n    },\n    \"patient\": \"He said \\\"ok\\\", {x}]\"\n  },\n"
        + "  {\"patient_uid\": 7, \"patient\": null}\n]\n";
    List<String> r = read(pretty);
    assertEquals(2, r.size());
    assertTrue(r.get(0).contains("[1-1, [[60.0,\"year\"]], {\"123\":1}, He said \"ok\", {x}]]"), r.get(0));
    assertTrue(r.get(1).contains("[7, null, null, null]"), r.get(1));
    String oneLine = "[{\"patient_uid\":\"1-1\",\"age\":[[60.0,\"year\"]]}]";
    assertTrue(read(oneLine).get(0).contains("[1-1, [[60.0,\"year\"]], null, null] corrupt=null"));
  }

  @Test
  void aBrokenElementIsOneBrokenRecordAndReadingGoesOn() {
    List<String> r = read("[{\"patient_uid\": \"a\"}, 42, {\"patient_uid\": \"b\", oops}, {\"patient_uid\": \"c\"}]");
    assertEquals(4, r.size(), String.join("\n", r));
    assertTrue(r.get(1).endsWith("corrupt=42 badEncoding=null"), r.get(1));
    assertTrue(r.get(2).contains("corrupt={\"patient_uid\": \"b\", oops}"), r.get(2));
    assertTrue(r.get(3).contains("[c, null, null, null] corrupt=null"), r.get(3));
  }

  @Test
  void arraysAreToldFromJsonLinesByTheirFirstByte() {
    assertTrue(JsonArrayParser.isArray(CsvBytes.window("\uFEFF \n [ {} ]".getBytes(StandardCharsets.UTF_8), 0)));
    assertTrue(!JsonArrayParser.isArray(CsvBytes.window("{\"a\": 1}\n{\"a\": 2}\n".getBytes(StandardCharsets.UTF_8), 0)));
    assertNull(null);
  }

  private static String generate(SplittableRandom rng, int n) {
    boolean pretty = rng.nextBoolean();
    String nl = pretty ? "\n  " : "";
    StringBuilder b = new StringBuilder("[" + nl);
    String[] notes = {"plain", "with \\\"quotes\\\" and , commas", "braces { } [ ] inside", "a}, {\\\"b\\\": 1",
        "back\\\\slash\\\\", "line\\nbreak", "ünï – 39 °C", ", {\\\"patient_uid\\\": \\\"fake\\\"}, "};
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(",").append(nl);
      }
      int kind = rng.nextInt(15);
      if (kind == 0) {
        b.append(rng.nextInt(100)); // not an object
        continue;
      }
      if (kind == 1) {
        b.append("{\"patient_uid\": \"u").append(i).append("\", broken}");
        continue;
      }
      String sep = pretty ? ",\n    " : ",";
      b.append("{").append(pretty ? "\n    " : "").append("\"patient_uid\": \"u").append(i).append('"').append(sep)
          .append("\"age\": [[").append(rng.nextInt(90)).append(".0, \"year\"]]").append(sep)
          .append("\"relevant_articles\": {\"").append(rng.nextInt(9999)).append("\": 1}").append(sep)
          .append("\"patient\": \"").append(notes[rng.nextInt(notes.length)]).append(notes[rng.nextInt(notes.length)])
          .append('"').append(pretty ? "\n  " : "").append("}");
    }
    return b.append(pretty ? "\n]\n" : "]").toString();
  }

  @Test
  void splitReadEqualsSequentialReadForAnySplitSize() {
    SplittableRandom rng = new SplittableRandom(14);
    CsvBytes.reprobes[0] = 0;
    for (int i = 0; i < 200; i++) {
      byte[] data = generate(rng, 1 + rng.nextInt(25)).getBytes(StandardCharsets.UTF_8);
      long first = new JsonArrayParser(CsvBytes.window(data, 0), COLS, 1 << 20).firstRecordStart();
      List<String> expected = CsvBytes.sequential(data, first, w -> new JsonArrayParser(w, COLS, 1 << 20));
      for (long split : new long[] {1, 3 + rng.nextInt(30), 50 + rng.nextInt(300), data.length}) {
        assertEquals(expected, CsvBytes.parallel(data, first, split, w -> new JsonArrayParser(w, COLS, 1 << 20)),
            "file " + i + " split " + split + ":\n" + new String(data, StandardCharsets.UTF_8));
      }
    }
    assertTrue(CsvBytes.reprobes[0] > 0, "wrong guesses happened and were corrected");
  }
}
