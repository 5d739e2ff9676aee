package org.patientinsight.core.config;

import java.util.List;
import java.util.Locale;

/**
 * The type of one setting, declared beside its default by a {@code #: <type>} line, so every
 * value can be checked when settings load — before any job starts — instead of when a stage
 * first reads it. Grammar: {@code int [lo,hi]}, {@code double (lo,hi]}, {@code bool},
 * {@code choice a|b|c}, {@code text}, {@code secret} (text that listings mask: a webhook URL
 * carries its token); bounds may be left open ({@code [1,)}); a {@code ?} after
 * the kind ({@code int? [1,)}) also accepts the empty value ("unset").
 */
public final class SettingType {
  private enum Kind { INT, DOUBLE, BOOL, CHOICE, TEXT, SECRET }

  private static final List<String> TRUE_WORDS = List.of("true", "yes", "1", "on");
  private static final List<String> FALSE_WORDS = List.of("false", "no", "0", "off");

  private final Kind kind;
  private final boolean emptyAllowed;
  private final Double lo;
  private final Double hi;
  private final boolean loOpen;
  private final boolean hiOpen;
  private final List<String> choices;
  private final String spec;

  private SettingType(Kind kind, boolean emptyAllowed, Double lo, boolean loOpen, Double hi,
      boolean hiOpen, List<String> choices, String spec) {
    this.kind = kind;
    this.emptyAllowed = emptyAllowed;
    this.lo = lo;
    this.loOpen = loOpen;
    this.hi = hi;
    this.hiOpen = hiOpen;
    this.choices = choices;
    this.spec = spec;
  }

  /** Free text (also what an undeclared key is). */
  public static SettingType text() {
    return new SettingType(Kind.TEXT, true, null, false, null, false, List.of(), "text");
  }

  /** Parses a declaration such as {@code double [0,1]}; throws on a malformed one. */
  public static SettingType parse(String spec) {
    String s = spec.strip();
    int space = s.indexOf(' ');
    String head = space < 0 ? s : s.substring(0, space);
    String rest = space < 0 ? "" : s.substring(space + 1).strip();
    boolean optional = head.endsWith("?");
    String kindWord = optional ? head.substring(0, head.length() - 1) : head;
    switch (kindWord) {
      case "text":
        return new SettingType(Kind.TEXT, true, null, false, null, false, List.of(), s);
      case "secret":
        return new SettingType(Kind.SECRET, true, null, false, null, false, List.of(), s);
      case "bool":
        return new SettingType(Kind.BOOL, optional, null, false, null, false, List.of(), s);
      case "choice": {
        List<String> words = List.of(rest.split("\\|"));
        if (rest.isEmpty() || words.stream().anyMatch(String::isBlank)) {
          throw new IllegalArgumentException("choice needs words a|b|c: '" + spec + "'");
        }
        return new SettingType(Kind.CHOICE, optional, null, false, null, false, words, s);
      }
      case "int":
      case "double": {
        Kind kind = kindWord.equals("int") ? Kind.INT : Kind.DOUBLE;
        if (rest.isEmpty()) {
          return new SettingType(kind, optional, null, false, null, false, List.of(), s);
        }
        char open = rest.charAt(0);
        char close = rest.charAt(rest.length() - 1);
        int comma = rest.indexOf(',');
        if ("[(".indexOf(open) < 0 || "])".indexOf(close) < 0 || comma < 0) {
          throw new IllegalArgumentException("bounds must look like [lo,hi], (lo,) …: '" + spec + "'");
        }
        String a = rest.substring(1, comma).strip();
        String b = rest.substring(comma + 1, rest.length() - 1).strip();
        return new SettingType(kind, optional, a.isEmpty() ? null : Double.valueOf(a), open == '(',
            b.isEmpty() ? null : Double.valueOf(b), close == ')', List.of(), s);
      }
      default:
        throw new IllegalArgumentException("unknown setting type '" + kindWord + "' in '" + spec + "'");
    }
  }

  /** Checks one value; throws {@link ConfigException} naming the key, the rule and the value. */
  public void check(String key, String value, String origin) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      if (kind == Kind.TEXT || kind == Kind.SECRET || emptyAllowed) {
        return;
      }
      throw bad(key, v, origin);
    }
    switch (kind) {
      case TEXT:
      case SECRET:
        return;
      case BOOL:
        if (!TRUE_WORDS.contains(v.toLowerCase(Locale.ROOT)) && !FALSE_WORDS.contains(v.toLowerCase(Locale.ROOT))) {
          throw bad(key, v, origin);
        }
        return;
      case CHOICE:
        if (choices.stream().noneMatch(c -> c.equalsIgnoreCase(v))) {
          throw bad(key, v, origin);
        }
        return;
      default:
        double d;
        try {
          d = kind == Kind.INT ? Long.parseLong(v) : Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw bad(key, v, origin);
        }
        if (Double.isNaN(d) || Double.isInfinite(d)
            || kind == Kind.INT && (d > Integer.MAX_VALUE || d < Integer.MIN_VALUE)) {
          throw bad(key, v, origin);
        }
        if (lo != null && (loOpen ? d <= lo : d < lo) || hi != null && (hiOpen ? d >= hi : d > hi)) {
          throw bad(key, v, origin);
        }
    }
  }

  /** What a valid value looks like, in words ("a number in [0, 1]"). */
  public String expected() {
    String base;
    switch (kind) {
      case TEXT: return "text";
      case SECRET: return "secret text";
      case BOOL: base = "true or false"; break;
      case CHOICE: base = "one of " + String.join(", ", choices); break;
      default:
        base = (kind == Kind.INT ? "an integer" : "a number") + range();
    }
    return emptyAllowed ? base + " (or empty)" : base;
  }

  private String range() {
    if (lo == null && hi == null) {
      return "";
    }
    if (hi == null) {
      return (loOpen ? " > " : " >= ") + num(lo);
    }
    if (lo == null) {
      return (hiOpen ? " < " : " <= ") + num(hi);
    }
    return " in " + (loOpen ? "(" : "[") + num(lo) + ", " + num(hi) + (hiOpen ? ")" : "]");
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** Whether listings must hide the value (they show only whether it is set). */
  public boolean isSecret() {
    return kind == Kind.SECRET;
  }

  /** The value as a listing may show it. */
  public String shown(String value) {
    if (value == null || value.isEmpty()) {
      return "(empty)";
    }
    return isSecret() ? "(set, hidden)" : value;
  }

  /** The declaration as written (for `config` listings). */
  public String spec() {
    return spec;
  }

  private ConfigException bad(String key, String value, String origin) {
    return new ConfigException(key, "configuration key '" + key + "' must be " + expected() + ", got '"
        + value + "'" + (origin == null ? "" : " (from " + origin + ")"));
  }
}
