package org.patientinsight.report;

import java.util.Locale;

/** How numbers read in the report and the console tables: one format per kind of figure. */
final class Numbers {
  private Numbers() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** 950, 1.2k, 34k, 1.5M. */
  static String compact(double v) {
    double a = Math.abs(v);
    if (a >= 1_000_000) {
      return trim(v / 1_000_000) + "M";
    }
    if (a >= 1_000) {
      return trim(v / 1_000) + "k";
    }
    return trim(v);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  static String number(Double v) {
    if (v == null) {
      return "–";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", v.longValue());
    }
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** A statistic (KS D, p-value, PSI…): four decimals, or scientific when tiny. */
  static String figure(double d) {
    return Math.abs(d) < 1e-3 && d != 0 ? String.format(Locale.ROOT, "%.2e", d) : String.format(Locale.ROOT, "%.4f", d);
  }
}
