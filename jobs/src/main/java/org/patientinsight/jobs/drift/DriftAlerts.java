package org.patientinsight.jobs.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patientinsight.core.alert.Alert;
import org.patientinsight.core.alert.AlertDispatcher;
import org.patientinsight.core.alert.AlertOutcome;
import org.patientinsight.core.alert.Severity;
import org.patientinsight.jobs.run.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a drift alert to the configured sinks and remembers it for the run's last console
 * lines ({@link #consoleLines}); a sink problem never fails the run.
 */
public final class DriftAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(DriftAlerts.class);
  /** Attachment: the alerts raised in this run, in order. */
  public static final String RAISED = "drift.alerts";

  private DriftAlerts() {
  }

  /** Dispatches the alert if there is one; returns {@code alerts_sent}/{@code alerts_failed}. */
  static Map<String, Object> dispatch(RunContext ctx, Optional<Alert> alert) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (alert.isEmpty()) {
      out.put("alerts_sent", 0);
      out.put("alerts_failed", 0);
      return out;
    }
    raised(ctx).add(alert.get());
    try (AlertDispatcher dispatcher = AlertDispatcher.fromSettings(ctx.settings(), System.getenv())) {
      AlertOutcome outcome = dispatcher.dispatch(alert.get());
      out.put("alerts_sent", outcome.sent());
      out.put("alerts_failed", outcome.failed());
    } catch (RuntimeException e) {
      LOG.error("[{}] drift alert could not be dispatched: {}", ctx.runId(), e.getMessage());
      out.put("alerts_sent", 0);
      out.put("alerts_failed", 1);
    }
    return out;
  }

  /** The alerts raised so far in this run (a live list). */
  public static List<Alert> raised(RunContext ctx) {
    List<Alert> l = ctx.attachment(RAISED);
    if (l == null) {
      l = new ArrayList<>();
      ctx.attach(RAISED, l);
    }
    return l;
  }

  /** True when an ALERT-severity drift alert was raised (warnings do not count). */
  public static boolean anyAlert(RunContext ctx) {
    return ctx != null && raised(ctx).stream().anyMatch(a -> a.severity() == Severity.ALERT);
  }

  /** One line per raised alert: severity, kind, title, reasons (figures only). */
  public static List<String> consoleLines(RunContext ctx) {
    if (ctx == null) {
      return List.of();
    }
    return raised(ctx).stream()
        .map(a -> a.severity() + " " + a.kind() + ": " + a.title() + (a.summary().isEmpty() ? "" : " — " + a.summary()))
        .toList();
  }
}
