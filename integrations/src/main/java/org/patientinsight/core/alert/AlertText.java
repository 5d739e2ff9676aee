package org.patientinsight.core.alert;

import java.util.Locale;
import java.util.Map;

/** Plain-text rendering of an alert, shared by the log, SNS and e-mail sinks. */
public final class AlertText {
  private AlertText() {
  }

  /** One line: {@code [ALERT] age_drift run=r1: Age drift detected}. */
  public static String subject(Alert a) {
    return "[" + a.severity() + "] " + a.title() + (a.runId().isEmpty() ? "" : " (run " + a.runId() + ")");
  }

  /** Multi-line body: summary, then one {@code key: value} line per field, then metadata. */
  public static String body(Alert a) {
    StringBuilder sb = new StringBuilder();
    sb.append(subject(a)).append('\n');
    if (!a.summary().isEmpty()) {
      sb.append('\n').append(a.summary()).append('\n');
    }
    if (!a.fields().isEmpty()) {
      sb.append('\n');
      for (Map.Entry<String, Object> e : a.fields().entrySet()) {
        sb.append(e.getKey()).append(": ").append(formatValue(e.getValue())).append('\n');
      }
    }
    sb.append('\n').append("kind: ").append(a.kind())
        .append("\nrun_id: ").append(a.runId())
        .append("\ntimestamp: ").append(a.timestamp()).append('\n');
    return sb.toString();
  }

  /** Numbers with up to 4 significant decimals; everything else as is. */
  public static String formatValue(Object v) {
    if (v == null) {
      return "n/a";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return "n/a";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return String.format(Locale.ROOT, "%.1f", d);
      }
      return String.format(Locale.ROOT, "%.4g", d);
    }
    return String.valueOf(v);
  }
}
