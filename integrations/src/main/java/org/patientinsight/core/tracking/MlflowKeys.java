package org.patientinsight.core.tracking;

import org.patientinsight.core.config.Locations;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes param/metric/tag keys acceptable to MLflow: only letters, digits, '_', '-', '.', ' '
 * and '/' are allowed, and the key must be a normalised relative path (the file store uses it
 * as a file name), at most 250 characters. Anything else becomes '_'.
 */
final class MlflowKeys {
  private MlflowKeys() {
  }

  static boolean isValid(String key) {
    return key != null && !key.isEmpty() && sanitize(key).equals(key);
  }

  static String sanitize(String key) {
    StringBuilder chars = new StringBuilder(key.length());
    key.codePoints().forEach(cp -> chars.appendCodePoint(allowed(cp) ? cp : '_'));
    // a key is a relative path: no empty, "." or ".." segments, no leading or trailing '/'
    List<String> segments = new ArrayList<>();
    for (String s : chars.toString().split("/", -1)) {
      if (s.isEmpty()) {
        continue;
      }
      segments.add(s.equals(".") || s.equals("..") ? s.replace('.', '_') : s);
    }
    String out = String.join("/", segments);
    if (out.length() > MlflowLimits.MAX_KEY_LENGTH) {
      out = Locations.withoutTrailingSlashes(out.substring(0, MlflowLimits.MAX_KEY_LENGTH));
    }
    return out.isEmpty() ? "_" : out;
  }

  private static boolean allowed(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.' || cp == ' '
        || cp == '/';
  }
}
