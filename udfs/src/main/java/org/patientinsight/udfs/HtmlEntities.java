package org.patientinsight.udfs;

import java.util.Map;
import static java.util.Map.entry;

/**
 * Decodes HTML character references: every numeric form ({@code &#176;}, {@code &#xB0;}) and
 * the named entities that occur in clinical text extracted from PubMed Central. Unknown names
 * are left as written rather than guessed.
 */
final class HtmlEntities {

  private static final int MAX_NAME = 10;

  private static final Map<String, String> NAMED = Map.ofEntries(
      entry("amp", "&"), entry("lt", "<"), entry("gt", ">"), entry("quot", "\""),
      entry("apos", "'"), entry("nbsp", "\u00A0"), entry("ensp", "\u2002"),
      entry("emsp", "\u2003"), entry("thinsp", "\u2009"), entry("shy", "\u00AD"),
      entry("ndash", "\u2013"), entry("mdash", "\u2014"), entry("hellip", "\u2026"),
      entry("lsquo", "\u2018"), entry("rsquo", "\u2019"), entry("ldquo", "\u201C"),
      entry("rdquo", "\u201D"), entry("bull", "\u2022"), entry("middot", "\u00B7"),
      entry("deg", "\u00B0"), entry("plusmn", "\u00B1"), entry("times", "\u00D7"),
      entry("divide", "\u00F7"), entry("minus", "\u2212"), entry("le", "\u2264"),
      entry("ge", "\u2265"), entry("ne", "\u2260"), entry("asymp", "\u2248"),
      entry("micro", "\u00B5"), entry("sup1", "\u00B9"), entry("sup2", "\u00B2"),
      entry("sup3", "\u00B3"), entry("frac12", "\u00BD"), entry("frac14", "\u00BC"),
      entry("frac34", "\u00BE"), entry("permil", "\u2030"), entry("prime", "\u2032"),
      entry("Prime", "\u2033"), entry("larr", "\u2190"), entry("rarr", "\u2192"),
      entry("uarr", "\u2191"), entry("darr", "\u2193"), entry("harr", "\u2194"),
      entry("alpha", "\u03B1"), entry("beta", "\u03B2"), entry("gamma", "\u03B3"),
      entry("delta", "\u03B4"), entry("Delta", "\u0394"), entry("epsilon", "\u03B5"),
      entry("kappa", "\u03BA"), entry("lambda", "\u03BB"), entry("mu", "\u03BC"),
      entry("pi", "\u03C0"), entry("sigma", "\u03C3"), entry("tau", "\u03C4"),
      entry("omega", "\u03C9"), entry("copy", "\u00A9"), entry("reg", "\u00AE"),
      entry("trade", "\u2122"), entry("sect", "\u00A7"), entry("para", "\u00B6"),
      entry("eacute", "\u00E9"), entry("egrave", "\u00E8"), entry("aacute", "\u00E1"),
      entry("iacute", "\u00ED"), entry("oacute", "\u00F3"), entry("uacute", "\u00FA"),
      entry("ouml", "\u00F6"), entry("uuml", "\u00FC"), entry("auml", "\u00E4"),
      entry("ccedil", "\u00E7"), entry("ntilde", "\u00F1"), entry("szlig", "\u00DF"));

  private HtmlEntities() {
  }

  static String decode(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (amp >= 0) {
      out.append(s, i, amp);
      int semi = s.indexOf(';', amp + 1);
      String decoded = semi > amp + 1 && semi - amp - 1 <= MAX_NAME
          ? decodeReference(s.substring(amp + 1, semi)) : null;
      if (decoded != null) {
        out.append(decoded);
        i = semi + 1;
      } else {
        out.append('&');
        i = amp + 1;
      }
      amp = s.indexOf('&', i);
    }
    out.append(s, i, s.length());
    return out.toString();
  }

  private static String decodeReference(String ref) {
    if (ref.charAt(0) != '#') {
      return NAMED.get(ref);
    }
    try {
      boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
      int cp = Integer.parseInt(ref.substring(hex ? 2 : 1), hex ? 16 : 10);
      return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
