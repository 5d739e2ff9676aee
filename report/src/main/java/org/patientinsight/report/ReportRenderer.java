package org.patientinsight.report;

import org.patientinsight.quality.report.StatsReport;

/**
 * Turns a {@link StatsReport} into {@code report.json} and a self-contained {@code report.html}.
 * Returns strings; the caller decides where they are written.
 */
public final class ReportRenderer {
  private ReportRenderer() {}

  public static String json(StatsReport report) {
    return ReportJson.render(report);
  }

  public static String html(StatsReport report) {
    return ReportHtml.render(report);
  }
}
