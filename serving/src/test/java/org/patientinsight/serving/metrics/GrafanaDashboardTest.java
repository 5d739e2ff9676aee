package org.patientinsight.serving.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every series the Grafana dashboard queries is one the service actually exposes. */
class GrafanaDashboardTest {
  @Test
  void dashboardQueriesOnlyExposedSeries() throws Exception {
    ServingMetrics m = new ServingMetrics();
    m.request("/api/v1/analyses", "POST", 201, 0.1);
    m.retrieval("bm25", 0.01, 0.7, java.util.List.of(0.7, 0.5));
    m.lowScore();
    m.generation("openai:gpt-4o", "report", true, 1.0, 10, 5);
    m.error("bad_request");
    String exposed = new String(m.scrape(), StandardCharsets.UTF_8);
    String dashboard = Files.readString(Path.of("grafana/patient-insight-serving.json"));
    Matcher names = Pattern.compile("pi_serving_[a-z_]+").matcher(dashboard);
    Set<String> used = new TreeSet<>();
    while (names.find()) {
      used.add(names.group());
    }
    assertTrue(used.size() >= 8, "dashboard uses the metrics: " + used);
    for (String name : used) {
      assertTrue(Pattern.compile("(?m)^" + name + "[{ ]").matcher(exposed).find(),
          "dashboard queries " + name + ", which /metrics does not expose");
    }
  }
}
