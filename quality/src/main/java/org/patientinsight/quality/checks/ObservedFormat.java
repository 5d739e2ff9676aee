package org.patientinsight.quality.checks;

import java.util.Locale;

/** How a check's measured value reads in the run summary and the report. */
public enum ObservedFormat {
  ROWS {
    @Override
    String format(double v, long rows) {
      return String.format(Locale.ROOT, "%,d rows", Math.round(v));
    }
  },
  COMPLETENESS {
    @Override
    String format(double v, long rows) {
      return percent(v) + " complete (" + count(1 - v, rows) + " rows missing)";
    }
  },
  UNIQUENESS {
    @Override
    String format(double v, long rows) {
      return percent(v) + " unique (" + count(1 - v, rows) + " rows share a value)";
    }
  },
  COMPLIANCE {
    @Override
    String format(double v, long rows) {
      return percent(v) + " compliant (" + count(1 - v, rows) + " rows violate)";
    }
  },
  SHARE {
    @Override
    String format(double v, long rows) {
      return percent(v) + " of rows (" + count(v, rows) + ")";
    }
  },
  CHARS {
    @Override
    String format(double v, long rows) {
      return String.format(Locale.ROOT, "%,d chars", Math.round(v));
    }
  };

  abstract String format(double value, long rows);

  /** The value in words, or the reason it is missing. */
  public String describe(Double value, long rows, String failure) {
    if (value == null) {
      return failure == null ? "no value" : "not computable (" + failure + ")";
    }
    return format(value, rows);
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  private static String count(double share, long rows) {
    return String.format(Locale.ROOT, "%,d", Math.round(share * rows));
  }
}
