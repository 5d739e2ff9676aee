package org.patientinsight.core.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration the way people write one: {@code 90s}, {@code 30m}, {@code 2h}, {@code 500ms} or ISO-8601 ({@code PT30M}). */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {
  }

  /** The duration {@code value} names; zero and negative ones are refused with the value quoted. */
  public static Duration parsePositive(String value) {
    Duration d = parse(value);
    if (d.isZero()) {
      throw new IllegalArgumentException("duration must be positive, got '" + value + "'");
    }
    return d;
  }

  /** The duration {@code value} names (zero allowed, e.g. "do not wait"); negative ones are refused. */
  public static Duration parse(String value) {
    String v = value == null ? "" : value.trim();
    Matcher m = SHORT.matcher(v);
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    } else if (v.equals("0")) {
      d = Duration.ZERO;
    } else {
      try {
        d = Duration.parse(v);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("'" + value + "' is not a duration (use e.g. 90s, 30m, 2h or PT30M)");
      }
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, got '" + value + "'");
    }
    return d;
  }
}
