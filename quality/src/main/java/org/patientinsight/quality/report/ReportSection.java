package org.patientinsight.quality.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An extra section contributed by another stage (e.g. age drift): a title, an HTML fragment
 * embedded as is and the same content as JSON for {@code report.json}. The fragment must be
 * self-contained (inline SVG/CSS, no external references) and must escape any data it shows.
 */
public record ReportSection(String title, String html, JsonNode json) {
  public ReportSection {
    Objects.requireNonNull(title, "title");
    html = html == null ? "" : html;
  }
}
