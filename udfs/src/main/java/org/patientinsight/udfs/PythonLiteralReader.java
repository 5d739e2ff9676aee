package org.patientinsight.udfs;

/**
 * Cursor over the small subset of Python literal syntax PMC-Patients uses: lists, dicts,
 * quoted strings and numbers. Hand-written so that errors name a position instead of
 * echoing the text, and so that no Python or JSON library is needed on the executors.
 */
final class PythonLiteralReader {
  private final String text;
  private final String what;
  private int pos;

  PythonLiteralReader(String text, String what) {
    this.text = text;
    this.what = what;
  }

  void skipWhitespace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  boolean atEnd() {
    skipWhitespace();
    return pos >= text.length();
  }

  /** Next non-blank character without consuming it, or -1 at the end. */
  int peek() {
    skipWhitespace();
    return pos < text.length() ? text.charAt(pos) : -1;
  }

  /** Consumes {@code c} if it is next; reports whether it did. */
  boolean accept(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  void expect(char c) {
    if (!accept(c)) {
      throw error("expected '" + c + "'");
    }
  }

  void expectEnd() {
    if (!atEnd()) {
      throw error("unexpected trailing characters");
    }
  }

  /** A single- or double-quoted string with backslash escapes. */
  String readString() {
    int quote = peek();
    if (quote != '\'' && quote != '"') {
      throw error("expected a quoted string");
    }
    pos++;
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        return out.toString();
      }
      if (c == '\\' && pos < text.length()) {
        out.append(text.charAt(pos++));
      } else {
        out.append(c);
      }
    }
    throw error("unterminated string");
  }

  /** An int or float literal (optional sign, fraction, exponent). */
  double readNumber() {
    skipWhitespace();
    int start = pos;
    if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < text.length() && isNumberChar(text.charAt(pos))) {
      pos++;
    }
    String token = text.substring(start, pos);
    if (token.isEmpty() || token.equals("-") || token.equals("+")) {
      pos = start;
      throw error("expected a number");
    }
    try {
      return Double.parseDouble(token);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("expected a number");
    }
  }

  /** An integer literal; a float such as 1.0 is accepted only when whole. */
  int readInt() {
    skipWhitespace();
    int start = pos;
    double value = readNumber();
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      pos = start;
      throw error("expected an integer");
    }
    return (int) value;
  }

  LiteralSyntaxException error(String problem) {
    return new LiteralSyntaxException(what + ": " + problem + " at position " + pos
        + " of " + text.length());
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
  }
}
