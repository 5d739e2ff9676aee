package org.patientinsight.report;

import static org.patientinsight.quality.drift.DriftFixtures.concat;
import static org.patientinsight.quality.drift.DriftFixtures.histograms;
import static org.patientinsight.quality.drift.DriftFixtures.uniform;

import org.patientinsight.quality.drift.AgeHistograms;
import org.patientinsight.quality.drift.Baseline;
import org.patientinsight.quality.drift.DriftPolicy;
import org.patientinsight.quality.drift.DriftReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DriftSvgTest {

  @Test
  void rendersASelfContainedSectionWithBothCharts() throws Exception {
    Random r = new Random(5);
    AgeHistograms base = histograms(new Double[0], uniform(r, 1000, 18, 90),
        uniform(r, 1000, 18, 90));
    AgeHistograms batch = histograms(new Double[0],
        concat(uniform(r, 200, 0, 12), uniform(r, 200, 18, 90)),
        uniform(r, 400, 18, 90));
    Baseline b = new Baseline("cases", 1, Instant.parse("2026-11-01T00:00:00Z"), "cases", 0, base);
    DriftReport rep = DriftReport.evaluate(b, batch, "batch", DriftPolicy.defaults());
    String html = DriftSvg.renderHtmlSection(rep, base.overall(), batch.overall());

    assertTrue(html.startsWith("<section class=\"pi-drift\">"));
    assertEquals(2, count(html, "<svg "));
    assertEquals(13 * 2, count(html, "<rect x=") - 4, "13 bands × 2 bars (+2 legend squares per chart)");
    assertEquals(2, count(html, "<polyline"));
    assertTrue(html.contains("age band (years)") && html.contains("age (years)"));
    assertTrue(html.contains("D = "));
    assertTrue(html.contains(">ALERT<"));
    // self-contained: no scripts and no references to anything but the SVG namespace
    assertFalse(html.contains("<script"));
    assertEquals(count(html, "http"), count(html, "http://www.w3.org/2000/svg"));
    // reasons are escaped (they contain '>=')
    assertTrue(html.contains("&gt;= 0.15"));

    Path out = Path.of(System.getProperty("java.io.tmpdir"), "drift-section.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, "<!doctype html><meta charset=utf-8><body>" + html + "</body>");
    Files.writeString(out.resolveSibling("drift-table.txt"), DriftTable.render(rep));
  }

  private static int count(String s, String sub) {
    Matcher m = Pattern.compile(Pattern.quote(sub)).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
