package org.patientinsight.jobs.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.sample.AgeMix;
import org.patientinsight.jobs.sample.SampleGenerator;
import org.patientinsight.jobs.sample.SampleSpec;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.SharedSpark;

/**
 * Drift through the pipeline: a paediatric-heavy batch after an adult baseline is flagged and
 * the webhook is called exactly once, the run still succeeds; a same-mix batch raises nothing.
 */
class DriftPipelineTest {
  @TempDir
  Path dir;

  HttpServer webhook;
  final List<String> posts = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void spark() {
    SharedSpark.get();
  }

  @BeforeEach
  void startWebhook() throws Exception {
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/hook", ex -> {
      posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    webhook.start();
  }

  @AfterEach
  void stopWebhook() {
    webhook.stop(0);
  }

  private Path sample(String name, long rows, long seed, AgeMix mix) throws Exception {
    Path f = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      SampleGenerator.writeCsv(new SampleSpec(rows, seed, 0.0, mix), w);
    }
    return f;
  }

  @Test
  void paediatricFloodIsFlaggedOnceAndSameMixIsNot() throws Exception {
    CliRun cli = new CliRun(dir);
    String hook = "alerts.webhook.url=http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook";
    String[] fast = {"--set", hook, "--set", "vector.store=none"};

    JsonNode base = cli.run(0, "pipeline", "d1", concat(fast, "--input",
        sample("adults-1.csv", 300, 11, AgeMix.ADULT_DEFAULT).toString()));
    assertEquals("SUCCEEDED", base.path("status").asText(), base.toString());
    assertFalse(base.path("drift").path("alert").asBoolean(), "the first batch is the baseline");
    assertEquals("baseline pinned from this batch — no comparison yet",
        base.path("drift").path("reasons").path(0).asText(), base.path("drift").toString());
    assertTrue(base.path("drift").path("ks_d").isNull(), "no zeros where nothing was compared");

    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
    JsonNode kids;
    System.setOut(new java.io.PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      kids = cli.run(4, "pipeline", "d2", concat(fast, "--fail-on-drift", "--input",
          sample("kids.csv", 300, 12, AgeMix.PAEDIATRIC_HEAVY).toString()));
    } finally {
      System.setOut(out);
    }
    assertEquals("SUCCEEDED", kids.path("status").asText(), "the batch is published: " + kids);
    assertEquals(4, kids.path("exit").path("code").asInt(), "--fail-on-drift: its own exit code");
    List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.get(lines.size() - 1).startsWith("ALERT age_drift: Age drift detected vs baseline"),
        "the console ends with the alert: " + lines);
    JsonNode drift = kids.path("drift");
    assertTrue(drift.path("alert").asBoolean(), drift.toString());
    assertTrue(drift.path("ks_d").asDouble() >= 0.15, drift.toString());
    assertEquals(1, drift.path("alerts_sent").asInt() >= 1 ? posts.size() : -1, "webhook called exactly once");
    assertTrue(posts.get(0).contains("\"text\""), "Slack-compatible payload");
    String html = Files.readString(Path.of(kids.path("quality").path("report_html").asText().replaceFirst("^file:", "")));
    assertTrue(html.contains("Quality: Passed"), "quality verdict in the header");
    assertTrue(html.contains("Age drift: ALERT"), "drift verdict beside it");
    assertTrue(html.contains("Drift over the last 2 runs"), "trend chart");
    assertTrue(html.contains("Near-duplicate cases"), "near-duplicate section");
    assertTrue(kids.path("near_duplicates").path("check").path("level").asText().equals("Warning"),
        kids.path("near_duplicates").toString());

    JsonNode same = cli.run(0, "pipeline", "d3", concat(fast, "--input",
        sample("adults-2.csv", 300, 13, AgeMix.ADULT_DEFAULT).toString()));
    assertEquals("SUCCEEDED", same.path("status").asText());
    assertEquals(0, same.path("exit").path("code").asInt());
    assertFalse(same.path("drift").path("alert").asBoolean(), same.path("drift").toString());
    assertEquals(1, posts.size(), "no new alert for a same-distribution batch");
    assertEquals(3, SharedSpark.get().read().format("delta")
        .load(cli.warehouse().resolve("drift_reports").toString()).count());

    JsonNode table = cli.run(0, "drift", "d4", "--set", hook);
    assertEquals("SUCCEEDED", table.path("status").asText());
    assertEquals("table", table.path("drift").path("scope").asText());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
