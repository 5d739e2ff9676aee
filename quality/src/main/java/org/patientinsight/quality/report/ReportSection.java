package org.patientinsight.quality.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An extra section contributed by another stage (e.g. age drift): a title, an HTML fragment
 * embedded as is and the same content as JSON for {@code report.json}. The fragment must be
 * self-contained (inline SVG/CSS, no external references) and must escape any data it shows.
 * A section with a {@code verdict} (e.g. drift: OK, WARNING, ALERT, BASELINE) shows it in the
 * report's header beside the quality verdict, so a drift alert is seen first.
 */
public record ReportSection(String title, String html, JsonNode json, String verdict) {
  public ReportSection {
    Objects.requireNonNull(title, "title");
    html = html == null ? "" : html;
  }

  /** A section without a verdict of its own. */
  public ReportSection(String title, String html, JsonNode json) {
    this(title, html, json, null);
  }
}
