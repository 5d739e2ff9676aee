package org.patientinsight.core.tracking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The small YAML subset MLflow's file store uses for meta.yaml: one "key: scalar" per line,
 * keys sorted (as PyYAML's safe_dump writes them). Strings that YAML would read as something
 * else (numbers, booleans, null) or that hold special characters are quoted.
 */
final class FlatYaml {
  // starts with a letter, '_' or '/', so it never reads as a number; ':' only inside (URIs)
  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z_/][A-Za-z0-9_./\\-]*(?::[A-Za-z0-9_./\\-]+)*");
  private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false",
      "on", "off", "null", "~", ".nan", ".inf");

  private FlatYaml() {
  }

  /** Values may be String, Long/Integer, null or an empty List (written as []). */
  static String write(Map<String, Object> values) {
    StringBuilder out = new StringBuilder();
    values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      out.append(e.getKey()).append(": ").append(scalar(e.getValue())).append('\n');
    });
    return out.toString();
  }

  static String scalar(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Number) {
      return v.toString();
    }
    if (v instanceof List<?> list) {
      if (!list.isEmpty()) {
        throw new IllegalArgumentException("only empty lists are written");
      }
      return "[]";
    }
    String s = v.toString();
    if (s.isEmpty()) {
      return "''";
    }
    boolean plain = PLAIN.matcher(s).matches()
        && !RESERVED.contains(s.toLowerCase(Locale.ROOT));
    if (plain) {
      return s;
    }
    if (s.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
      return "'" + s.replace("'", "''") + "'";
    }
    StringBuilder q = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        case '\r' -> q.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            q.append(String.format("\\x%02x", c));
          } else {
            q.appendCodePoint(c);
          }
        }
      }
    });
    return q.append('"').toString();
  }

  /**
   * Reads the top-level "key: scalar" lines of a meta.yaml (written by us or by MLflow);
   * nested or multi-line values are skipped.
   */
  static Map<String, String> readTopLevel(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")
          || line.startsWith("-")) {
        continue;
      }
      int c = line.indexOf(": ");
      if (c <= 0) {
        continue;
      }
      out.put(line.substring(0, c), unquote(line.substring(c + 2).strip()));
    }
    return out;
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1).replace("''", "'");
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      String body = v.substring(1, v.length() - 1);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < body.length(); i++) {
        char ch = body.charAt(i);
        if (ch == '\\' && i + 1 < body.length()) {
          char n = body.charAt(++i);
          switch (n) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'x' -> {
              out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
              i += 2;
            }
            case 'u' -> {
              out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
              i += 4;
            }
            default -> out.append(n);
          }
        } else {
          out.append(ch);
        }
      }
      return out.toString();
    }
    return v;
  }
}
