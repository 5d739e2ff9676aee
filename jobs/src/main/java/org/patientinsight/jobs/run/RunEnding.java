package org.patientinsight.jobs.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patientinsight.core.config.Redaction;

/**
 * The block a batch command ends with on the console: status and time, the reconciliation
 * line, where the summary and report are, and the command a user most likely wants next.
 * Figures and paths only — never patient text, and no credential of a URI (the lines are redacted).
 *
 * @param reconciliation null when the run read nothing
 * @param reportHtml null when no report was written
 * @param trackedAt where MLflow recorded the run, null when not tracked
 * @param warehouseOption "" for the default warehouse, else " --warehouse W" for the hints
 */
public record RunEnding(String command, String runId, RunStatus status, double seconds, String reconciliation,
    String summaryPath, String reportHtml, String trackedAt, String warehouseOption) {

  public List<String> lines() {
    List<String> out = new ArrayList<>();
    if (reconciliation != null) {
      out.add(reconciliation);
    }
    out.add(String.format(Locale.ROOT, "run %s %s in %.1f s", runId, status, seconds));
    out.add("  summary  " + summaryPath);
    if (reportHtml != null) {
      out.add("  report   " + reportHtml);
    }
    if (trackedAt != null) {
      out.add("  mlflow   " + trackedAt);
    }
    List<String> next = next();
    for (int i = 0; i < next.size(); i++) {
      out.add((i == 0 ? "  next     " : "           ") + next.get(i));
    }
    return out.stream().map(Redaction::text).toList();
  }

  private List<String> next() {
    String w = warehouseOption;
    switch (status) {
      case REJECTED:
        return List.of(reportHtml != null ? "open the report: the failed checks and their values are at the top"
            : "see the failed checks above; fix the input or the thresholds (patient-insight config)");
      case FAILED:
        return List.of("./patient-insight " + command + " --verbose …   (the same run with the stack trace)");
      default:
        break;
    }
    switch (command) {
      case "pipeline":
      case "sync":
        return List.of("./patient-insight serve" + w + "   (similar-case search on http://127.0.0.1:8080/)",
            "./patient-insight sql" + w + " \"SELECT gender, count(*) FROM cases GROUP BY gender\"");
      case "ingest":
        return List.of("./patient-insight embed" + w + " && ./patient-insight sync" + w + "   (vectors for search)",
            "./patient-insight sql" + w + " \"SELECT count(*) FROM cases\"");
      case "embed":
        return List.of("./patient-insight sync" + w + "   (push the new vectors to the store)");
      default:
        return List.of();
    }
  }
}
