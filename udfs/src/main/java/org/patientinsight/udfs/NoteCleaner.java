package org.patientinsight.udfs;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans case-report text while keeping its clinical meaning: markup and invisible characters
 * go, but digits, decimal points, units, punctuation and symbols such as the degree sign stay
 * ("39 °C", "BP 145/89 mmHg", "2.5 mg/kg"). The original Python pipeline blanked every
 * non-alphanumeric character, which turned "2.5 mg/kg" into "2 5 mg kg".
 */
public final class NoteCleaner {

  /** Comments, and tags that begin with a letter, so "BP < 90 and > 60" is not mistaken for a tag. */
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern BLOCK_TAG = Pattern.compile(
      "</?(?i:p|br|div|li|ul|ol|tr|td|th|table|h[1-6]|section|blockquote)\\b[^<>]{0,500}>");
  private static final Pattern INLINE_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\\s[^<>]{0,500})?/?>");

  private NoteCleaner() {
  }

  public static String clean(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String s = raw;
    if (s.indexOf('<') >= 0) {
      s = COMMENT.matcher(s).replaceAll(" ");
      s = BLOCK_TAG.matcher(s).replaceAll(" ");   // block boundaries separate words
      s = INLINE_TAG.matcher(s).replaceAll("");   // m<sup>2</sup> stays "m2"
    }
    s = HtmlEntities.decode(s); // after tag removal: an encoded "&lt;b&gt;" is text, not markup
    if (!isAscii(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKC); // ASCII is already NFKC: skip the scan
    }
    s = dropInvisible(s);
    s = MarkupGuard.escapeTags(s); // decoding and NFKC must not have made a live tag
    return collapseSpaces(s);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs of spaces become one, ends trimmed: what {@code \s+ -> " "} and strip() did, without a
   * regex. After {@link #dropInvisible} the space is the only whitespace character left.
   */
  private static String collapseSpaces(String s) {
    int n = s.length();
    int start = 0;
    while (start < n && s.charAt(start) == ' ') {
      start++;
    }
    int end = n;
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    if (s.indexOf("  ", start) < 0 || s.indexOf("  ", start) >= end) {
      return start == 0 && end == n ? s : s.substring(start, end);
    }
    StringBuilder out = new StringBuilder(end - start);
    int from = start; // copies runs of text in bulk, one space after each
    while (from < end) {
      int sp = s.indexOf(' ', from);
      if (sp < 0 || sp >= end) {
        out.append(s, from, end);
        break;
      }
      out.append(s, from, sp + 1);
      from = sp + 1;
      while (from < end && s.charAt(from) == ' ') {
        from++;
      }
    }
    return out.toString();
  }

  /**
   * Control characters become spaces (a stray tab or form feed separates words); format
   * characters such as zero-width spaces, joiners, soft hyphens and byte-order marks vanish.
   * Unicode space separators (U+2000..U+200A, U+3000) become plain spaces.
   */
  private static String dropInvisible(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        // printable ASCII: kept as it is (the common case, so no Unicode table look-up)
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      int type = Character.getType(c);
      boolean control = type == Character.CONTROL;
      boolean format = type == Character.FORMAT;
      boolean space = type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR;
      boolean replace = control || format || (space && c != ' ');
      if (replace && out == null) {
        out = new StringBuilder(s.length());
        out.append(s, 0, i);
      }
      if (out != null) {
        if (control || space) {
          out.append(' ');
        } else if (!format) {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }
}
