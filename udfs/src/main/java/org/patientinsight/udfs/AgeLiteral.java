package org.patientinsight.udfs;

import java.util.Locale;
import java.util.Map;

/**
 * Parses the PMC-Patients {@code age} field, a Python literal list of [amount, unit] pairs
 * such as {@code [[1.0, 'year'], [2.0, 'month']]}, into years (the sum of the parts).
 */
public final class AgeLiteral {

  private static final double DAYS_PER_YEAR = 365.25;

  /** Years per unit; plural forms are folded onto these before lookup. */
  private static final Map<String, Double> YEARS_PER_UNIT = Map.of(
      "year", 1.0,
      "month", 1.0 / 12.0,
      "week", 7.0 / DAYS_PER_YEAR,
      "day", 1.0 / DAYS_PER_YEAR,
      "hour", 1.0 / (DAYS_PER_YEAR * 24.0));

  private AgeLiteral() {
  }

  public static AgeParse parse(String raw) {
    if (raw == null) {
      return AgeParse.missing();
    }
    String text = raw.strip();
    if (text.isEmpty() || text.equalsIgnoreCase("nan") || text.equals("None")) {
      return AgeParse.missing();
    }
    try {
      return readList(new PythonLiteralReader(text, "age"));
    } catch (LiteralSyntaxException e) {
      return AgeParse.malformed(e.getMessage());
    }
  }

  private static AgeParse readList(PythonLiteralReader in) {
    in.expect('[');
    if (in.accept(']')) {
      in.expectEnd();
      return AgeParse.missing();
    }
    double years = 0;
    do {
      if (in.peek() == ']') {
        break; // trailing comma, as Python allows
      }
      in.expect('[');
      double amount = in.readNumber();
      in.expect(',');
      String unit = in.readString();
      in.accept(',');
      in.expect(']');
      if (Double.isNaN(amount) || Double.isInfinite(amount)) {
        return AgeParse.malformed("age: amount is not a finite number");
      }
      if (amount < 0) {
        return AgeParse.malformed("age: negative amount");
      }
      Double perUnit = YEARS_PER_UNIT.get(singular(unit));
      if (perUnit == null) {
        return AgeParse.malformed("age: unknown unit (expected year, month, week, day or hour)");
      }
      years += amount * perUnit;
    } while (in.accept(','));
    in.expect(']');
    in.expectEnd();
    return AgeParse.present(years);
  }

  private static String singular(String unit) {
    String u = unit.strip().toLowerCase(Locale.ROOT);
    return u.endsWith("s") ? u.substring(0, u.length() - 1) : u;
  }
}
