package org.patientinsight.jobs.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.jobs.run.StageResult;

/** Where the run's stats report was written (it joins the summary's {@code quality} section). */
public record ReportWritten(String html, String json) implements StageResult {
  @Override
  public Map<String, Object> sections() {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("report_html", html);
    q.put("report_json", json);
    return Map.of("quality", q);
  }
}
