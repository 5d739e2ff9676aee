package org.patientinsight.udfs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of cleaning: text must never carry markup a browser would run. Real tags were
 * removed before entities were decoded, so a tag-shaped run that is left was made by decoding
 * ({@code &lt;img onerror=…&gt;}) or by NFKC (full-width {@code ＜script＞}), or is one the tag
 * patterns do not take ({@code <svg/onload=…>}). It is written back as the entities it reads as,
 * so the note still says what the source said and shows as text wherever it is rendered.
 */
final class MarkupGuard {
  /** "<" then what opens a tag, comment or declaration (a letter, '/', '!', '?'), up to the next ">". */
  private static final Pattern TAG_SHAPED = Pattern.compile("<([A-Za-z/!?][^<>]{0,2000})>");

  private MarkupGuard() {
  }

  static String escapeTags(String s) {
    if (s.indexOf('<') < 0) {
      return s;
    }
    Matcher m = TAG_SHAPED.matcher(s);
    return m.find() ? m.reset().replaceAll(r -> Matcher.quoteReplacement("&lt;" + r.group(1) + "&gt;")) : s;
  }
}
