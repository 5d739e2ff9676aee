package org.patientinsight.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.cli.Main;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;
import org.patientinsight.jobs.testing.Summaries;

/** Input that is read is all read, or the run says why not (issue 13, item 5). */
class IngestBadInputTest {
  static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.get();
  }

  /** Ingests through the CLI and checks its exit code is the stated one (a literal). */
  private JsonNode ingest(int expectedExit, Path input, String runId) {
    Path summary = dir.resolve(runId + ".json");
    int code = Main.run("ingest", "--input", input.toString(), "--warehouse", dir.resolve("wh-" + runId).toString(),
        "--run-id", runId, "--summary-json", summary.toString(), "--skip-quality",
        "--set", "tracking.enabled=false");
    JsonNode s = Summaries.read(summary);
    assertEquals(expectedExit, code, "exit code of ingest (status " + s.path("status").asText() + ")");
    return s;
  }

  private List<Row> quarantine(String runId) {
    return spark.read().format("delta").load(dir.resolve("wh-" + runId + "/quarantine").toString()).collectAsList();
  }

  private static String codes(List<Row> q) {
    return q.stream().flatMap(r -> r.<Row>getList(r.fieldIndex("reasons")).stream())
        .map(x -> x.<String>getAs("code")).sorted().collect(Collectors.joining(","));
  }

  private static RawCsv twenty() {
    RawCsv csv = new RawCsv();
    for (int i = 1; i <= 20; i++) {
      csv.row("70000" + String.format("%02d", i) + "-1", RawCsv.note(30 + i, "F",
          "Line " + i + " of the note.\nSecond line, with a comma.\nThird line."), "[[" + (30 + i) + ".0, 'year']]", "F");
    }
    return csv;
  }

  @Test
  void oneStrayQuoteQuarantinesExactlyThatCase() throws Exception {
    Path input = twenty().write(dir.resolve("in/stray.csv"));
    String text = Files.readString(input);
    // an unescaped quote inside the 7th note, as hand-edited exports have them
    String broken = text.replace("Line 7 of the note.\nSecond line, with a comma.",
        "Line 7 of the note, he said \"stop\", then.\nSecond line, with a comma.");
    Files.writeString(input, broken);
    JsonNode s = ingest(0, input, "stray");
    assertEquals("SUCCEEDED", s.path("status").asText(), s.toString());
    assertEquals(20, Summaries.count(s, "read"), s.path("reconciliation").asText());
    assertEquals(1, Summaries.count(s, "quarantined"));
    assertEquals(19, Summaries.count(s, "inserted"));
    List<Row> q = quarantine("stray");
    assertEquals(1, q.size());
    assertEquals("BROKEN_RECORD", codes(q));
    assertEquals("7000007-1", q.get(0).getAs("patient_uid"));
    assertTrue(q.get(0).<String>getAs("raw_record").contains("Third line."), "the whole record is kept");
  }

  @Test
  void gzipNamedCsvAndLatin1BytesAndNestedDirectories() throws Exception {
    Path root = dir.resolve("raw");
    Path plain = twenty().write(root.resolve("2026/01/02/cases.csv"));
    // a gzip file named .csv, in another day's folder
    Path gz = root.resolve("2026/01/03/more.csv");
    Files.createDirectories(gz.getParent());
    RawCsv more = new RawCsv()
        .row("7100001-1", RawCsv.note(44, "M", "Zipped."), "[[44.0, 'year']]", "M")
        .row("7100002-1", RawCsv.note(45, "F", "Caf\u00e9 au lait spots."), "[[45.0, 'year']]", "F");
    Path tmp = more.write(dir.resolve("tmp/more.csv"));
    String text = Files.readString(tmp);
    int cafe = text.indexOf("Caf\u00e9") + 3;
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.substring(0, cafe).getBytes(StandardCharsets.UTF_8));
      out.write(0xE9); // é in Latin-1: one byte that is not UTF-8
      out.write(text.substring(cafe + 1).getBytes(StandardCharsets.UTF_8));
    }
    // names that are not data: skipped
    Files.writeString(root.resolve("2026/01/03/_SUCCESS"), "");
    Files.createDirectories(root.resolve("_temporary/0"));
    Files.writeString(root.resolve("_temporary/0/part.csv"), "garbage");
    Files.writeString(root.resolve("2026/.cases.csv.crc"), "garbage");

    JsonNode s = ingest(0, root, "mixed");
    assertEquals("SUCCEEDED", s.path("status").asText(), s.toString());
    List<String> files = new ArrayList<>();
    s.path("input_files").forEach(f -> files.add(f.asText()));
    assertEquals(2, files.size(), s.toString());
    assertTrue(files.get(0).endsWith("2026/01/02/cases.csv") && files.get(1).endsWith("2026/01/03/more.csv"), files.toString());
    assertEquals(22, Summaries.count(s, "read"), s.path("reconciliation").asText());
    assertEquals(1, Summaries.count(s, "quarantined"));
    assertEquals(21, Summaries.count(s, "inserted"));
    List<Row> q = quarantine("mixed");
    assertEquals("INVALID_ENCODING", codes(q));
    assertEquals("7100002-1", q.get(0).getAs("patient_uid"));
    assertTrue(plain.toFile().exists());
  }

  @Test
  void jsonIsReadByItsContentPrettyArrayOrLines() throws Exception {
    Path array = dir.resolve("in/release.json");
    Files.createDirectories(array.getParent());
    StringBuilder b = new StringBuilder("[\n");
    for (int i = 1; i <= 3; i++) {
      b.append(i > 1 ? ",\n" : "").append("  {\n    \"patient_id\": ").append(i).append(",\n")
          .append("    \"patient_uid\": \"720000").append(i).append("-1\",\n    \"PMID\": 720000").append(i).append(",\n")
          .append("    \"file_path\": \"x\",\n    \"title\": \"T\",\n")
          .append("    \"patient\": \"A ").append(50 + i).append("-year-old man had chest pain, \\\"crushing\\\", and dyspnoea.\",\n")
          .append("    \"age\": [\n      [\n        ").append(50 + i).append(".0,\n        \"year\"\n      ]\n    ],\n")
          .append("    \"gender\": \"M\",\n    \"relevant_articles\": {\n      \"123\": 1\n    },\n")
          .append("    \"similar_patients\": {}\n  }");
    }
    Files.writeString(array, b.append("\n]\n").toString());
    JsonNode s = ingest(0, array, "array");
    assertEquals("SUCCEEDED", s.path("status").asText(), s.toString());
    assertEquals(3, Summaries.count(s, "read"));
    assertEquals(3, Summaries.count(s, "inserted"));
    Row r = spark.read().format("delta").load(dir.resolve("wh-array/cases").toString())
        .filter("patient_uid = '7200002-1'").first();
    assertEquals(52.0, r.<Double>getAs("age_years"), 1e-9);
    assertEquals("field", r.getAs("age_source"), "the nested age array is read as the age field");
    assertEquals(1, r.getJavaMap(r.fieldIndex("relevant_articles")).size());
  }
}
