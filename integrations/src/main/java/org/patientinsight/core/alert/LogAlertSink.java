package org.patientinsight.core.alert;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Always-on sink: one log line per alert (WARN for warnings, ERROR for alerts). */
public final class LogAlertSink implements AlertSink {
  private static final Logger LOG = LoggerFactory.getLogger("org.patientinsight.alerts");

  @Override
  public String name() {
    return "log";
  }

  @Override
  public void send(Alert a) {
    String fields = a.fields().entrySet().stream()
        .map(e -> e.getKey() + "=" + AlertText.formatValue(e.getValue()))
        .collect(Collectors.joining(" "));
    String line = "alert kind={} severity={} run_id={} title=\"{}\" {}";
    if (a.severity() == Severity.ALERT) {
      LOG.error(line, a.kind(), a.severity(), a.runId(), a.title(), fields);
    } else {
      LOG.warn(line, a.kind(), a.severity(), a.runId(), a.title(), fields);
    }
  }
}
