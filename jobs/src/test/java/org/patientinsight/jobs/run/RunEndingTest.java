package org.patientinsight.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunEndingTest {

  @Test
  void aSucceededPipelinePointsToTheReportAndToServeAndSql() {
    RunEnding e = new RunEnding("pipeline", "r1", RunStatus.SUCCEEDED, 41.26,
        "read 3 = inserted 3 + updated 0 + unchanged 0 + quarantined 0 + superseded 0",
        "/w/runs/r1.json", "/w/reports/r1/report.html", "/m/1/abc", " --warehouse /w");
    assertEquals(List.of(
        "read 3 = inserted 3 + updated 0 + unchanged 0 + quarantined 0 + superseded 0",
        "run r1 SUCCEEDED in 41.3 s",
        "  summary  /w/runs/r1.json",
        "  report   /w/reports/r1/report.html",
        "  mlflow   /m/1/abc",
        "  next     ./patient-insight serve --warehouse /w   (similar-case search on http://127.0.0.1:8080/)",
        "           ./patient-insight sql --warehouse /w \"SELECT gender, count(*) FROM cases GROUP BY gender\""),
        e.lines());
  }

  @Test
  void rejectedAndFailedRunsSayWhatToLookAt() {
    assertEquals("  next     open the report: the failed checks and their values are at the top",
        new RunEnding("ingest", "r2", RunStatus.REJECTED, 3, null, "/w/runs/r2.json", "/w/r.html", null, "")
            .lines().get(3));
    List<String> failed = new RunEnding("embed", "r3", RunStatus.FAILED, 1, null, "/w/runs/r3.json", null, null, "")
        .lines();
    assertEquals(List.of("run r3 FAILED in 1.0 s", "  summary  /w/runs/r3.json",
        "  next     ./patient-insight embed --verbose …   (the same run with the stack trace)"), failed);
  }

  @Test
  void readOnlyCommandsSuggestNothing() {
    assertEquals(2, new RunEnding("export", "r4", RunStatus.SUCCEEDED, 2, null, "/s.json", null, null, "")
        .lines().size());
  }
}
