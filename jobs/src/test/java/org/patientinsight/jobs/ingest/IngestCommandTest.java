package org.patientinsight.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.cli.Main;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;
import org.patientinsight.jobs.testing.Summaries;

/** Ingest end to end through the CLI, on local Spark and Delta tables on disk. */
class IngestCommandTest {
  static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.get();
  }

  /** Runs ingest on {@code input} into dir/wh through the CLI, checking the stated exit code (a literal). */
  private JsonNode ingest(int expectedExit, Path input, String runId) {
    return new CliRun(dir).run(expectedExit, "ingest", runId, "--input", input.toString());
  }

  private static RawCsv threeCases() {
    return new RawCsv()
        .row("1000001-1", RawCsv.note(58, "F", "First case."), "[[58.0, 'year']]", "F")
        .row("1000001-2", RawCsv.note(8, "M", "Second case."), "[[8.0, 'year']]", "M")
        .row("1000002-1", RawCsv.note(40, "M", "Third case."), "[[40.0, 'year'], [6.0, 'month']]", "M");
  }

  @Test
  void publishesThenRerunChangesNothing() throws Exception {
    Path input = threeCases().write(dir.resolve("in/cases.csv"));
    Path wh = dir.resolve("wh");
    JsonNode first = ingest(0, input, "r1");
    assertEquals("SUCCEEDED", first.path("status").asText(), first.toString());
    assertEquals(3, Summaries.count(first, "read"));
    assertEquals(3, Summaries.count(first, "inserted"));
    assertTrue(first.path("reconciliation").asText().startsWith("read 3 = "));
    long v1 = first.path("table_versions").path("cases").asLong();

    JsonNode again = ingest(0, input, "r2");
    assertEquals("SUCCEEDED", again.path("status").asText());
    assertEquals(0, Summaries.count(again, "inserted"));
    assertEquals(0, Summaries.count(again, "updated"));
    assertEquals(3, Summaries.count(again, "unchanged"));
    assertEquals(v1, again.path("table_versions").path("cases").asLong(), "no new table version");
    assertTrue(Files.exists(wh.resolve("runs/r2.json")));

    Path csv = dir.resolve("out/cases.csv");
    assertEquals(0, Main.run("export", "--table", "cases", "--format", "csv", "--out", csv.toString(),
        "--version", "0", "--warehouse", wh.toString(), "--set", "tracking.enabled=false"));
    java.util.List<org.apache.spark.sql.Row> exported = spark.read().option("header", "true")
        .option("multiLine", "true").option("escape", "\"").csv(csv.toString()).collectAsList();
    assertEquals(3, exported.size(), "export writes one CSV file with every row");
    assertTrue(exported.get(0).<String>getAs("relevant_articles").startsWith("{"), "maps become JSON text");
    Path jsonl = dir.resolve("out/cases.jsonl");
    assertEquals(0, Main.run("export", "--table", "cases", "--format", "jsonl", "--out", jsonl.toString(),
        "--warehouse", wh.toString(), "--set", "tracking.enabled=false"));
    assertEquals(3, Files.readAllLines(jsonl).size());
    assertEquals(1, Main.run("export", "--table", "nope", "--out", jsonl.toString(),
        "--warehouse", wh.toString(), "--set", "tracking.enabled=false"), "unknown table is an error");

    Row r = spark.read().format("delta").load(wh.resolve("cases").toString())
        .filter("patient_uid = '1000002-1'").first();
    assertEquals(40.5, r.<Double>getAs("age_years"), 1e-9);
    assertEquals("field", r.getAs("age_source"));
    assertEquals("r1", r.getAs("run_id"), "unchanged rows keep the run that wrote them");
  }

  @Test
  void secondDropInsertsAndUpdatesExactlyThose() throws Exception {
    Path wh = dir.resolve("wh");
    ingest(0, threeCases().write(dir.resolve("in1/a.csv")), "d1");
    Path drop2 = new RawCsv()
        .row("1000001-1", RawCsv.note(58, "F", "First case."), "[[58.0, 'year']]", "F")
        .row("1000001-2", RawCsv.note(8, "M", "Second case, edited with follow-up."), "[[8.0, 'year']]", "M")
        .row("1000003-1", RawCsv.note(71, "F", "A new case."), "[[71.0, 'year']]", "F")
        .write(dir.resolve("in2/b.csv"));
    JsonNode s = ingest(0, drop2, "d2");
    assertEquals(1, Summaries.count(s, "inserted"));
    assertEquals(1, Summaries.count(s, "updated"));
    assertEquals(1, Summaries.count(s, "unchanged"));
    Row edited = spark.read().format("delta").load(wh.resolve("cases").toString())
        .filter("patient_uid = '1000001-2'").first();
    assertTrue(edited.<String>getAs("note").contains("follow-up"));
    assertEquals("d2", edited.getAs("run_id"));
    assertEquals(4, spark.read().format("delta").load(wh.resolve("cases").toString()).count());
  }

  @Test
  void dirtyRowsAreQuarantinedOrSupersededAndCountsReconcile() throws Exception {
    Path input = new RawCsv()
        .row("2000001-1", RawCsv.note(30, "F", "Good."), "[[30.0, 'year']]", "F")
        .row("2000001-2", RawCsv.note(31, "M", "Old text."), "[[31.0, 'year']]", "M")
        .raw("0", "", "2000009", "x", "No uid", RawCsv.note(50, "M", "x"), "[[50.0, 'year']]", "M", "{}", "{}")
        .raw("0", "2000002-1", "2000002", "x", "Empty note", "", "[[50.0, 'year']]", "M", "{}", "{}")
        .raw("0", "2000003-1", "2000003", "x", "Too many", RawCsv.note(50, "M", "x"), "[[50.0, 'year']]",
            "M", "{}", "{}", "surplus")
        .row("2000004-1", "<p>A 45-year-old woman &amp; mother had pain.\u0007</p> "
            + RawCsv.note(45, "F", "More."), "[[45.0, 'yeer']]", "U")
        .row("2000001-2", RawCsv.note(31, "M", "Newer text."), "[[31.0, 'year']]", "M")
        .write(dir.resolve("in/dirty.csv"));
    Path wh = dir.resolve("wh");
    JsonNode s = ingest(0, input, "q1");
    assertEquals("SUCCEEDED", s.path("status").asText(), s.toString());
    assertEquals(7, Summaries.count(s, "read"));
    assertEquals(3, Summaries.count(s, "quarantined"));
    assertEquals(1, Summaries.count(s, "superseded"));
    assertEquals(3, Summaries.count(s, "inserted"));
    assertTrue(s.path("reconciliation").asText().startsWith("read 7 = "), s.path("reconciliation").asText());

    List<Row> q = spark.read().format("delta").load(wh.resolve("quarantine").toString()).collectAsList();
    assertEquals(3, q.size());
    String codes = q.stream().flatMap(r -> r.<Row>getList(r.fieldIndex("reasons")).stream())
        .map(x -> x.<String>getAs("code")).sorted().collect(Collectors.joining(","));
    assertTrue(codes.contains("BROKEN_RECORD"), codes);
    assertTrue(codes.contains("MISSING_PATIENT_UID"), codes);
    assertTrue(codes.contains("EMPTY_NOTE") || codes.contains("NOTE_TOO_SHORT"), codes);
    assertTrue(q.stream().allMatch(r -> r.getAs("raw_record") != null));

    Row newest = spark.read().format("delta").load(wh.resolve("cases").toString())
        .filter("patient_uid = '2000001-2'").first();
    assertTrue(newest.<String>getAs("note").contains("Newer text"), "last row of a repeated uid wins");

    Row dirty = spark.read().format("delta").load(wh.resolve("cases").toString())
        .filter("patient_uid = '2000004-1'").first();
    String note = dirty.getAs("note");
    assertTrue(!note.contains("<p>") && note.contains("woman & mother") && !note.contains("\u0007"), note);
    assertEquals("text", dirty.getAs("age_source"), "malformed literal falls back to prose");
    assertEquals(45.0, dirty.<Double>getAs("age_years"), 1e-9);
    assertEquals("text", dirty.getAs("gender_source"));
    assertEquals("F", dirty.getAs("gender"));
  }

  @Test
  void jsonLinesInputIsRead() throws Exception {
    Path input = dir.resolve("in/cases.jsonl");
    Files.createDirectories(input.getParent());
    Files.writeString(input, String.join("\n",
        "{\"patient_id\": 0, \"patient_uid\": \"3000001-1\", \"PMID\": 3000001, \"file_path\": \"x\","
            + " \"title\": \"T\", \"patient\": \"A 60-year-old man had chest pain and dyspnoea for two days.\","
            + " \"age\": [[60.0, \"year\"]], \"gender\": \"M\", \"relevant_articles\": {\"123\": 1},"
            + " \"similar_patients\": {}}",
        "{not json at all",
        ""));
    JsonNode s = ingest(0, input, "j1");
    assertEquals("SUCCEEDED", s.path("status").asText(), s.toString());
    assertEquals(2, Summaries.count(s, "read"));
    assertEquals(1, Summaries.count(s, "inserted"));
    assertEquals(1, Summaries.count(s, "quarantined"));
    Row r = spark.read().format("delta").load(dir.resolve("wh/cases").toString()).first();
    assertEquals(60.0, r.<Double>getAs("age_years"), 1e-9);
    assertEquals("3000001", r.getAs("pmid"));
  }

  @Test
  void wrongHeaderFailsClearlyAndPublishesNothing() throws Exception {
    Path input = dir.resolve("in/bad.csv");
    Files.createDirectories(input.getParent());
    Files.writeString(input, "id,text,age\n1,hello,3\n");
    JsonNode s = ingest(1, input, "h1");
    assertEquals("FAILED", s.path("status").asText());
    assertTrue(s.path("error").asText().contains("wrong CSV header"), s.path("error").asText());
    assertTrue(s.path("error").asText().contains("patient_uid"));
    assertTrue(!Files.exists(dir.resolve("wh/cases")));
  }

  @Test
  void emptyAndMissingInputsFailClearly() throws Exception {
    Path empty = dir.resolve("in/empty.csv");
    Files.createDirectories(empty.getParent());
    Files.writeString(empty, RawCsv.HEADER + "\n");
    JsonNode s = ingest(1, empty, "e1");
    assertEquals("FAILED", s.path("status").asText());
    assertTrue(s.path("error").asText().contains("no rows"), s.path("error").asText());

    JsonNode m = ingest(1, dir.resolve("in/nope-*.csv"), "e2");
    assertEquals("FAILED", m.path("status").asText());
    assertTrue(m.path("error").asText().contains("input not found"), m.path("error").asText());
  }

  @Test
  void allRowsBrokenIsRejectedAndNothingPublished() throws Exception {
    Path input = new RawCsv()
        .raw("0", "", "1", "x", "t", "A 3-year-old boy with cough and fever for three days.", "", "", "{}", "{}")
        .raw("0", "4000001-1", "4000001", "x", "t", "", "", "", "{}", "{}")
        .write(dir.resolve("in/broken.csv"));
    JsonNode s = ingest(3, input, "b1");
    assertEquals("REJECTED", s.path("status").asText());
    assertEquals(2, Summaries.count(s, "quarantined"));
    assertTrue(!Files.exists(dir.resolve("wh/cases")));
    assertEquals(2, spark.read().format("delta").load(dir.resolve("wh/quarantine").toString()).count(),
        "the reasons are kept");
  }

  @Test
  void aRunThatFailsPartWayLeavesEveryTableAsItWas() throws Exception {
    Path wh = dir.resolve("wh");
    Path input = new RawCsv()
        .row("5000001-1", RawCsv.note(30, "F", "Good."), "[[30.0, 'year']]", "F")
        .raw("0", "", "5000009", "x", "No uid", RawCsv.note(50, "M", "x"), "", "", "{}", "{}")
        .write(dir.resolve("in/a.csv"));
    ingest(0, input, "f1");
    long casesV = org.patientinsight.jobs.tables.TableVersions.versionOf(spark, wh.resolve("cases").toString());
    long quarV = org.patientinsight.jobs.tables.TableVersions.versionOf(spark, wh.resolve("quarantine").toString());

    Path drop2 = new RawCsv()
        .row("5000002-1", RawCsv.note(33, "M", "New."), "[[33.0, 'year']]", "M")
        .raw("0", "", "5000010", "x", "No uid", RawCsv.note(51, "M", "x"), "", "", "{}", "{}")
        .write(dir.resolve("in/b.csv"));
    org.patientinsight.core.config.Settings settings = org.patientinsight.core.config.Settings.defaults()
        .with(java.util.Map.of("warehouse", wh.toString()));
    org.patientinsight.jobs.run.RunContext ctx = new org.patientinsight.jobs.run.RunContext(spark, settings,
        new org.patientinsight.jobs.run.RunIdentity("f2", "ingest", drop2.toString(), wh.toString(),
            java.time.Instant.now()));
    IngestStage ingest = new IngestStage(ctx);
    try (IngestStage.Staged staged = ingest.stage(drop2.toString(), null)) {
      ingest.keepQuarantine(staged.batch()); // kept, then the run crashes before publishing
    }
    ctx.versions().rollBack();
    assertNotEquals(quarV, -1);
    assertEquals(casesV, org.patientinsight.jobs.tables.TableVersions.versionOf(spark, wh.resolve("cases").toString()) ,
        "cases untouched");
    long rows = spark.read().format("delta").load(wh.resolve("quarantine").toString()).count();
    assertEquals(1, rows, "quarantine restored to its content before the failed run");
  }
}
