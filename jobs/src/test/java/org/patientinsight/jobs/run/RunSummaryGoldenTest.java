package org.patientinsight.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.sample.AgeMix;
import org.patientinsight.jobs.sample.SampleGenerator;
import org.patientinsight.jobs.sample.SampleSpec;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;

/**
 * The run summary JSON is a contract (schedulers, notebooks and dashboards read it): its keys,
 * their order and their JSON types are pinned in {@code src/test/resources/golden/}. A change
 * to the layout must be deliberate: run with {@code -Dgolden.update=true} and review the diff.
 */
class RunSummaryGoldenTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void spark() {
    SharedSpark.get();
  }

  @Test
  void summariesKeepTheirKeys() throws Exception {
    CliRun cli = new CliRun(dir);
    Path first = sample("first.csv", 40, 21);
    Path second = sample("second.csv", 40, 22);
    // a first run pins the drift baselines; the second compares against them
    cli.run(0, "pipeline", "g1", "--input", first.toString());
    JsonNode compared = cli.run(0, "pipeline", "g2", "--input", second.toString());
    JsonNode rejected = cli.run(3, "ingest", "g3", "--input", noAges().toString());
    JsonNode table = cli.run(0, "quality", "g4");

    assertEquals("SUCCEEDED", compared.path("status").asText(), compared.toString());
    assertGolden("pipeline", compared);
    assertGolden("quality", table);
    assertEquals("REJECTED", rejected.path("status").asText(), rejected.toString());
    assertGolden("ingest-rejected", rejected);
  }

  private Path sample(String name, long rows, long seed) throws Exception {
    Path f = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      SampleGenerator.writeCsv(new SampleSpec(rows, seed, 0.05, AgeMix.ADULT_DEFAULT), w);
    }
    return f;
  }

  /** Most notes state no age anywhere: age completeness 2/6 is below the Error threshold. */
  private Path noAges() throws Exception {
    RawCsv csv = new RawCsv();
    for (int i = 1; i <= 6; i++) {
      csv.row("7100002-" + i, "The patient presented with fever of 39 °C and a cough for three days; "
          + "chest X-ray showed consolidation. Case " + i + ".", i <= 2 ? "[[50.0, 'year']]" : "", "F");
    }
    return csv.write(dir.resolve("no-ages.csv"));
  }

  private static void assertGolden(String name, JsonNode summary) throws Exception {
    List<String> lines = new ArrayList<>();
    shape("", summary, lines);
    String actual = String.join("\n", lines) + "\n";
    Path golden = Path.of("src/test/resources/golden/summary-" + name + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        "the " + name + " summary's keys changed (see " + golden + ")");
  }

  /** One line per key path with its JSON type; arrays show their first element's shape. */
  private static void shape(String path, JsonNode node, List<String> out) {
    out.add((path.isEmpty() ? "$" : path) + " " + node.getNodeType().name().toLowerCase());
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        shape(path + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      shape(path + "[]", node.get(0), out);
    }
  }
}
