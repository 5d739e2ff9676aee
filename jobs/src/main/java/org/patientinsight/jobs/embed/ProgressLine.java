package org.patientinsight.jobs.embed;

import java.util.Locale;

/** One overall progress line: done/total, percent, rate and time left ("ETA"). Counts only. */
final class ProgressLine {
  private ProgressLine() {}

  static String of(String what, long done, long total, double elapsedSeconds) {
    long pct = total <= 0 ? 100 : Math.min(100, done * 100 / total);
    double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
    String eta = done >= total ? "done" : rate <= 0 ? "ETA unknown" : "ETA " + duration((total - done) / rate);
    return String.format(Locale.ROOT, "%s %,d/%,d texts (%d%%), %.1f texts/s, %s", what, done, total, pct, rate, eta);
  }

  /** 75 → "1m15s", 3725 → "1h02m", 9 → "9s". */
  static String duration(double seconds) {
    long s = Math.round(Math.max(0, seconds));
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
