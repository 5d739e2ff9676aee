package org.patientinsight.report;

import org.patientinsight.quality.report.SampleReports;
import org.patientinsight.quality.report.RunCounts;
import org.patientinsight.quality.report.StatsReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportRendererTest {
  private final StatsReport report = SampleReports.withRunId("run-<script>alert(1)</script>",
      "NOTE_<b>EMPTY</b>");

  @Test
  void jsonHasEverySection() throws Exception {
    JsonNode root = new ObjectMapper().readTree(ReportRenderer.json(report));
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertEquals(ReportJson.SECTIONS, keys);
    assertEquals("FAILED_ERRORS", root.at("/gate/status").asText());
    assertEquals("patient_uid_unique", root.at("/gate/failed_error_checks/0").asText());
    assertEquals(0.98, root.at("/checks/0/observed_value").asDouble());
    assertEquals(24, root.at("/age_histogram/bins").size());
    assertTrue(root.at("/counts/balances").asBoolean());
    assertEquals("read 160 = inserted 120 + updated 10 + unchanged 10 + quarantined 15"
        + " + superseded 5", root.at("/counts/reconciliation").asText());
    assertTrue(root.at("/note_length/bins/2/upper").isNull());
    assertEquals(68, root.at("/sex_split/F").asLong());
    assertEquals(13, root.at("/demographic_sources/age/text").asLong());
    assertEquals(9, root.at("/quarantine_reasons/0/count").asLong());
    assertEquals("ANOMALY", root.at("/anomalies/0/status").asText());
    assertEquals(0.04, root.at("/extra_sections/0/data/ks_d").asDouble());
    assertEquals(2, root.at("/profile/0/histogram").size());
  }

  @Test
  void renderingIsDeterministic() {
    assertEquals(ReportRenderer.html(report), ReportRenderer.html(
        SampleReports.withRunId("run-<script>alert(1)</script>", "NOTE_<b>EMPTY</b>")));
    assertEquals(ReportRenderer.json(report), ReportRenderer.json(report));
  }

  @Test
  void htmlIsSelfContainedEscapedAndShowsEverySection() {
    String html = ReportRenderer.html(report);
    assertFalse(Pattern.compile("https?://", Pattern.CASE_INSENSITIVE).matcher(html).find(),
        "no external references");
    assertFalse(html.contains("<script"), "no scripts, and data is escaped");
    assertFalse(html.contains("<link"), "styles are inline");
    assertTrue(html.contains("run-&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("NOTE_&lt;b&gt;EMPTY&lt;/b&gt;"));
    for (String heading : List.of("Quality checks", "Age at presentation", "Sex",
        "Where demographics came from", "Note length", "Completeness per column",
        "Changes since the last accepted run", "Top quarantine reasons", "Column profile",
        "Age drift", "Reconciliation")) {
      assertTrue(html.contains(heading), heading);
    }
    assertTrue(html.contains("98.00% unique (3 rows share a value)"));
    assertTrue(html.contains("Rejected"));
    assertTrue(html.contains("<p>KS D = 0.04</p>"), "extra section embedded as given");
    assertTrue(html.contains("<svg"));
  }

  @Test
  void reconciliationThatDoesNotBalanceIsShownAsSuch() {
    RunCounts c = new RunCounts(10, 5, 0, 0, 2, 0);
    assertFalse(c.balances());
    assertEquals("read 10 ≠ inserted 5 + updated 0 + unchanged 0 + quarantined 2 + superseded 0",
        c.reconciliationLine());
  }
}
