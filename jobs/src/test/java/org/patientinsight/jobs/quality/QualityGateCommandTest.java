package org.patientinsight.jobs.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;
import org.patientinsight.jobs.testing.Summaries;

/** The Deequ gate in front of the cases table, through the CLI. */
class QualityGateCommandTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void spark() {
    SharedSpark.get();
  }

  private static RawCsv clean(String pmid, int n) {
    RawCsv csv = new RawCsv();
    for (int i = 1; i <= n; i++) {
      int age = 20 + 7 * i;
      String sex = i % 2 == 0 ? "M" : "F";
      csv.row(pmid + "-" + i, RawCsv.note(age, sex, "Case " + i + "."), "[[" + age + ".0, 'year']]", sex);
    }
    return csv;
  }

  @Test
  void cleanBatchPublishesAndABatchBelowAgeCompletenessIsRejected() throws Exception {
    CliRun cli = new CliRun(dir);
    JsonNode ok = cli.run(0, "ingest", "g1", "--input", clean("7000001", 6).write(dir.resolve("a.csv")).toString());
    assertEquals("SUCCEEDED", ok.path("status").asText(), ok.toString());
    assertEquals("PASSED", ok.path("quality").path("status").asText());
    assertTrue(Files.exists(Path.of(ok.path("quality").path("report_html").asText().replace("file:", ""))),
        "report.html written");
    assertTrue(Files.exists(cli.warehouse().resolve("reports/g1/report.json")));
    long casesVersion = TableVersions.versionOf(SharedSpark.get(), cli.warehouse().resolve("cases").toString());

    // most notes state no age anywhere: age completeness 2/6 < 0.90
    RawCsv noAges = new RawCsv();
    for (int i = 1; i <= 6; i++) {
      String age = i <= 2 ? "[[50.0, 'year']]" : "";
      noAges.row("7000002-" + i, "The patient presented with fever of 39 °C and a cough for three days; "
          + "chest X-ray showed consolidation. Case " + i + ".", age, "F");
    }
    JsonNode rejected = cli.run(3, "ingest", "g2", "--input", noAges.write(dir.resolve("b.csv")).toString());
    assertEquals("REJECTED", rejected.path("status").asText(), rejected.toString());
    String error = rejected.path("error").asText();
    assertTrue(error.contains("age_completeness") && error.contains("33.33%"), error);
    assertEquals("FAILED_ERRORS", rejected.path("quality").path("status").asText());
    assertEquals(casesVersion, TableVersions.versionOf(SharedSpark.get(), cli.warehouse().resolve("cases").toString()),
        "cases stays at its previous version");
    assertEquals(6, Summaries.count(rejected, "rejected"));
    assertTrue(rejected.path("reconciliation").asText().startsWith("read 6 = "), rejected.path("reconciliation").asText());
    assertTrue(Files.exists(cli.warehouse().resolve("reports/g2/report.html")), "the report says why");
    assertEquals(2, SharedSpark.get().read().format("delta").load(cli.warehouse().resolve("quality_runs").toString()).count());

    JsonNode skipped = cli.run(0, "ingest", "g3", "--skip-quality", "--input", dir.resolve("b.csv").toString());
    assertEquals("SUCCEEDED", skipped.path("status").asText());
    assertEquals("SKIPPED", skipped.path("quality").path("status").asText());
    assertEquals(6, Summaries.count(skipped, "inserted"));

    JsonNode table = cli.run(3, "quality", "g4", "--table", "cases");
    assertEquals("REJECTED", table.path("status").asText(), "the published table now fails age completeness");
    assertTrue(table.path("error").asText().contains("age_completeness"));
    assertTrue(Files.exists(cli.warehouse().resolve("reports/g4/report.html")));
  }
}
