package org.patientinsight.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.ConsoleRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;

/**
 * {@code sql} over a warehouse built by the real {@code ingest}: tables by name, time travel,
 * the three output formats, files of statements, the shell on stdin; and what it does not do
 * (no run summary, no MLflow run).
 */
class SqlCommandTest {
  @TempDir
  static Path dir;
  static CliRun cli;

  @BeforeAll
  static void buildWarehouse() throws Exception {
    SharedSpark.get();
    cli = new CliRun(dir);
    Path first = new RawCsv()
        .row("2000001-1", RawCsv.note(58, "F", "First case."), "[[58.0, 'year']]", "F")
        .row("2000001-2", RawCsv.note(8, "M", "Second case."), "[[8.0, 'year']]", "M")
        .row("2000001-3", "Too short.", "[[30.0, 'year']]", "F")
        .write(dir.resolve("in/a.csv"));
    Path second = new RawCsv()
        .row("2000002-1", RawCsv.note(40, "M", "Third case."), "[[40.0, 'year']]", "M")
        .write(dir.resolve("in/b.csv"));
    JsonNode a = cli.run(0, "ingest", "s1", "--input", first.toString());
    assertEquals("SUCCEEDED", a.path("status").asText(), a.toString());
    JsonNode b = cli.run(0, "ingest", "s2", "--input", second.toString());
    assertEquals("SUCCEEDED", b.path("status").asText(), b.toString());
  }

  private static ConsoleRun sql(String... args) {
    String[] all = Stream.concat(Stream.of("sql", "--warehouse", cli.warehouse().toString()), Stream.of(args))
        .toArray(String[]::new);
    return ConsoleRun.of(all);
  }

  @Test
  void tablesByNameWithTimeTravelInAnAlignedTable() {
    ConsoleRun r = sql("SELECT count(*) AS n FROM cases; SELECT count(*) AS n FROM cases VERSION AS OF 0");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("n\n-\n3\n(1 row)\nn\n-\n2\n(1 row)\n", r.out());

    ConsoleRun wide = sql("SELECT patient_uid, age_years, gender FROM cases ORDER BY patient_uid");
    assertEquals(String.join("\n",
        "patient_uid | age_years | gender",
        "------------+-----------+-------",
        "2000001-1   | 58.0      | F",
        "2000001-2   | 8.0       | M",
        "2000002-1   | 40.0      | M",
        "(3 rows)", ""), wide.out());
  }

  @Test
  void everyWarehouseTableIsRegistered() {
    ConsoleRun r = sql("SHOW TABLES", "--format", "csv");
    assertEquals(0, r.exitCode(), r.err());
    List<String> names = r.out().lines().skip(1).map(l -> l.split(",")[1]).collect(Collectors.toList());
    assertTrue(names.containsAll(List.of("cases", "quarantine", "quality_runs")), names.toString());
  }

  @Test
  void csvAndJsonFormatsAndLongCellsCutOnlyInTables() {
    ConsoleRun csv = sql("SELECT patient_uid, 'a, \"quoted\" value' AS v FROM cases ORDER BY patient_uid LIMIT 1",
        "--format", "csv");
    assertEquals("patient_uid,v\r\n2000001-1,\"a, \"\"quoted\"\" value\"\r\n", csv.out());
    ConsoleRun json = sql("SELECT patient_uid, age_years FROM cases ORDER BY patient_uid LIMIT 2", "--format", "json");
    assertEquals("{\"patient_uid\":\"2000001-1\",\"age_years\":58.0}\n{\"patient_uid\":\"2000001-2\",\"age_years\":8.0}\n",
        json.out());
    ConsoleRun cut = sql("SELECT note FROM cases ORDER BY patient_uid LIMIT 1", "--max-cell-chars", "10");
    assertTrue(cut.out().lines().skip(2).findFirst().orElseThrow().endsWith("…"), cut.out());
    ConsoleRun capped = sql("SELECT patient_uid FROM cases", "--max-rows", "2");
    assertTrue(capped.out().endsWith("(2 rows, more not shown: raise --max-rows)\n"), capped.out());
  }

  @Test
  void aFileOfStatementsAndTheShellOnStdin() throws Exception {
    Path f = Files.writeString(dir.resolve("q.sql"),
        "-- a report; with a semicolon in a comment\nSELECT count(*) AS n\n  FROM quarantine;\n"
            + "SELECT ';' AS s;\n");
    ConsoleRun file = sql("-f", f.toString(), "--format", "csv");
    assertEquals(0, file.exitCode(), file.err());
    assertEquals("n\r\n1\r\ns\r\n;\r\n", file.out());

    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("SELECT count(*)\nAS n FROM cases;\nquit\nSELECT 1;\n"
          .getBytes(StandardCharsets.UTF_8)));
      ConsoleRun shell = sql("--format", "csv");
      assertEquals(0, shell.exitCode(), shell.err());
      assertEquals("n\r\n3\r\n", shell.out());
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void errorsAreOneLineAndNothingIsRecorded() {
    ConsoleRun unknown = sql("SELECT * FROM no_such_table");
    assertEquals(1, unknown.exitCode());
    assertEquals(1, unknown.err().lines().count(), unknown.err());
    assertTrue(unknown.err().startsWith("error: "), unknown.err());
    assertTrue(unknown.err().contains("no_such_table"), unknown.err());

    ConsoleRun missing = ConsoleRun.of("sql", "--warehouse", dir.resolve("typo").toString(), "SELECT 1");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().startsWith("error: no warehouse at " + dir.resolve("typo")), missing.err());
    assertFalse(Files.exists(dir.resolve("typo")), "a typo'd warehouse is not created");
  }
}
