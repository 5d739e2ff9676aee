package org.patientinsight.jobs.drift;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patientinsight.core.alert.Alert;
import org.patientinsight.core.alert.AlertDispatcher;
import org.patientinsight.core.alert.AlertOutcome;
import org.patientinsight.core.alert.Severity;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.quality.drift.DriftFinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a drift alert to the configured sinks and remembers it for the run's last console
 * lines ({@link #consoleLines}); a sink problem never fails the run.
 */
public final class DriftAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(DriftAlerts.class);

  private DriftAlerts() {
  }

  /** An alert a stage raised (if any) and what its dispatch did: {@code alerts_sent}/{@code alerts_failed}. */
  record Dispatched(List<Alert> raised, Map<String, Object> figures) {}

  /** Dispatches the finding as an alert if there is one. */
  static Dispatched dispatch(RunContext ctx, Optional<DriftFinding> finding) {
    Optional<Alert> alert = finding.map(f -> toAlert(f, ctx.runId(), Instant.now()));
    Map<String, Object> out = new LinkedHashMap<>();
    if (alert.isEmpty()) {
      out.put("alerts_sent", 0);
      out.put("alerts_failed", 0);
      return new Dispatched(List.of(), out);
    }
    try (AlertDispatcher dispatcher = AlertDispatcher.fromSettings(ctx.settings(), System.getenv())) {
      AlertOutcome outcome = dispatcher.dispatch(alert.get());
      out.put("alerts_sent", outcome.sent());
      out.put("alerts_failed", outcome.failed());
    } catch (RuntimeException e) {
      LOG.error("[{}] drift alert could not be dispatched: {}", ctx.runId(), e.getMessage());
      out.put("alerts_sent", 0);
      out.put("alerts_failed", 1);
    }
    return new Dispatched(List.of(alert.get()), out);
  }

  /** The alert the sinks deliver for a drift finding; a summary too long for an alert is cut. */
  static Alert toAlert(DriftFinding finding, String runId, Instant at) {
    String summary = finding.summary();
    if (summary.length() > Alert.MAX_SUMMARY) {
      summary = summary.substring(0, Alert.MAX_SUMMARY - 3) + "...";
    }
    return new Alert(finding.kind(), finding.alert() ? Severity.ALERT : Severity.WARNING, finding.title(), summary,
        finding.fields(), runId, at);
  }

  /** True when an ALERT-severity drift alert was raised (warnings do not count). */
  public static boolean anyAlert(List<Alert> raised) {
    return raised.stream().anyMatch(a -> a.severity() == Severity.ALERT);
  }

  /** One line per raised alert: severity, kind, title, reasons (figures only). */
  public static List<String> consoleLines(List<Alert> raised) {
    return raised.stream()
        .map(a -> a.severity() + " " + a.kind() + ": " + a.title() + (a.summary().isEmpty() ? "" : " — " + a.summary()))
        .toList();
  }
}
