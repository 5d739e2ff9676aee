package org.patientinsight.jobs.cli;

import org.patientinsight.core.config.Redaction;
import org.patientinsight.jobs.run.JobFailure;

/** Turns an exception into the one line a user reads (redacted: a message may quote a URI with credentials). */
final class Errors {
  private Errors() {}

  static String oneLine(Throwable t) {
    return Redaction.text(unredacted(t));
  }

  private static String unredacted(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof JobFailure) {
        return firstLine(c.getMessage());
      }
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    String top = t.getMessage();
    String what = msg != null ? msg : top != null ? top : "";
    return root.getClass().getSimpleName() + (what.isEmpty() ? "" : ": " + firstLine(what));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 400 ? line.substring(0, 400) + "…" : line;
  }
}
