package org.patientinsight.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.testing.CapturedLogs;
import org.patientinsight.jobs.testing.ConsoleRun;
import org.patientinsight.jobs.testing.LocalS3;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;
import org.patientinsight.jobs.testing.Summaries;

/**
 * Issue 13's acceptance for secrets: a whole pipeline run whose input URI carries credentials
 * ({@code s3a://KEY:SECRET@bucket/…}, against the S3-compatible server on 127.0.0.1) and whose
 * settings carry a webhook URL with its token leaves neither in any file under the warehouse
 * or mlruns, nor on the console (stdout, stderr, the console log).
 */
class NoSecretInOutputsTest {
  /** The server's only identity; the run can read the input only with the URI's keys. */
  private static final String URI_SECRET = LocalS3.SECRET_KEY;
  /** Enough for the embedding baseline's topic clusters (k = rows / 10 must be at least 2). */
  private static final int ROWS = 30;
  private static final String GLOBAL_SECRET = "global-conf-secret-not-valid";
  private static final String WEBHOOK_PATH_SECRET = "T0PATH0SECRET0XOXB";
  private static final String WEBHOOK_QUERY_SECRET = "q7-webhook-query-token";

  static LocalS3 s3;

  @BeforeAll
  static void start() throws Exception {
    SharedSpark.get();
    s3 = new LocalS3();
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @Test
  void aPipelineWithCredentialsInItsInputUriWritesThemNowhere(@TempDir Path dir) throws Exception {
    s3.createBucket("raw-secret");
    RawCsv csv = new RawCsv();
    for (int i = 1; i <= ROWS; i++) {
      csv.row("7100001-" + i, RawCsv.note(20 + i, i % 2 == 0 ? "F" : "M", "Case number " + i + " of a drop."),
          "[[" + (20 + i) + ".0, 'year']]", i % 2 == 0 ? "F" : "M");
    }
    s3.put("raw-secret", "drops/2026/12/cases.csv", Files.readString(csv.write(dir.resolve("local.csv"))));
    Path warehouse = dir.resolve("wh");
    Path mlruns = dir.resolve("mlruns");
    String input = "s3a://" + LocalS3.ACCESS_KEY + ":" + URI_SECRET + "@raw-secret/drops/2026/12/";

    List<String> args = new ArrayList<>(List.of("pipeline", "--input", input, "--warehouse", warehouse.toString(),
        "--run-id", "secret-1", "--set", "tracking.local_dir=" + mlruns,
        "--set", "alerts.webhook.url=https://hooks.example.invalid/services/" + WEBHOOK_PATH_SECRET
            + "?token=" + WEBHOOK_QUERY_SECRET));
    // the session's own keys are wrong: the input is readable only with the URI's
    for (Map.Entry<String, String> e : s3.sparkConf(GLOBAL_SECRET).entrySet()) {
      args.add("--conf");
      args.add(e.getKey() + "=" + e.getValue());
    }
    ConsoleRun run;
    String logs;
    try (CapturedLogs captured = new CapturedLogs()) {
      run = ConsoleRun.of(args.toArray(new String[0]));
      logs = captured.text();
    }

    JsonNode summary = Summaries.read(warehouse.resolve("runs/secret-1.json"));
    assertEquals("SUCCEEDED", summary.path("status").asText(), run.err());
    assertEquals(0, run.exitCode());
    assertEquals(ROWS, Summaries.count(summary, "inserted"), "the input was read with the URI's credentials");
    // not vacuous: the input is recorded, redacted, in the summary and as the MLflow param
    String redacted = "s3a://***@raw-secret/drops/2026/12";
    assertEquals(redacted, summary.path("input").asText());
    assertTrue(filesUnder(mlruns).stream().anyMatch(f -> text(f).equals(redacted)),
        "MLflow's input param is the redacted URI");
    assertTrue(Files.exists(warehouse.resolve("reports/secret-1/report.html")));
    assertTrue(Files.isDirectory(warehouse.resolve("embeddings")), "the run went as far as embed");

    List<String> secrets = List.of(URI_SECRET, GLOBAL_SECRET, WEBHOOK_PATH_SECRET, WEBHOOK_QUERY_SECRET);
    List<Path> files = new ArrayList<>(filesUnder(warehouse));
    files.addAll(filesUnder(mlruns));
    assertTrue(files.size() > 50, "warehouse and mlruns hold the run's files: " + files.size());
    List<String> found = new ArrayList<>();
    for (Path f : files) {
      String content = text(f);
      secrets.stream().filter(content::contains).forEach(s -> found.add(s + " in " + dir.relativize(f)));
    }
    for (String console : List.of(run.out(), run.err(), logs)) {
      secrets.stream().filter(console::contains).forEach(s -> found.add(s + " on the console"));
    }
    assertEquals(List.of(), found);
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  /** The file's bytes as Latin-1: a secret's bytes are found in binary (Parquet, crc) files too. */
  private static String text(Path f) {
    try {
      return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
