package org.patientinsight.core.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One alert about a run. It carries figures and identifiers only — never patient text — so
 * it may go to chat channels, e-mail and logs. The constructor enforces that: field values
 * must be numbers, booleans, or short strings (ids, versions, reason codes).
 *
 * @param kind machine-readable kind, e.g. {@code age_drift}, {@code low_retrieval_score}
 * @param fields figures in display order (a copy is kept)
 */
public record Alert(String kind, Severity severity, String title, String summary,
    Map<String, Object> fields, String runId, Instant timestamp) {

  /** Longest string accepted as a field value; longer text is refused as possible prose. */
  public static final int MAX_FIELD_STRING = 160;
  /** Longest title/summary; both are written by our code, this guards against pasted text. */
  public static final int MAX_SUMMARY = 1000;

  public Alert {
    requireText(kind, "kind", 64);
    Objects.requireNonNull(severity, "alert severity");
    requireText(title, "title", 200);
    summary = summary == null ? "" : summary;
    if (summary.length() > MAX_SUMMARY) {
      throw new IllegalArgumentException("alert summary is " + summary.length()
          + " characters; at most " + MAX_SUMMARY + " allowed");
    }
    runId = runId == null ? "" : runId;
    timestamp = timestamp == null ? Instant.now() : timestamp;
    Map<String, Object> copy = new LinkedHashMap<>();
    if (fields != null) {
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        copy.put(requireText(e.getKey(), "field name", 64), checkValue(e.getKey(), e.getValue()));
      }
    }
    fields = Collections.unmodifiableMap(copy);
  }

  private static Object checkValue(String key, Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (v instanceof CharSequence s) {
      if (s.length() > MAX_FIELD_STRING) {
        throw new IllegalArgumentException("alert field '" + key + "' is a string of " + s.length()
            + " characters; fields carry figures and ids only (max " + MAX_FIELD_STRING + ")");
      }
      return s.toString();
    }
    throw new IllegalArgumentException("alert field '" + key + "' has type "
        + v.getClass().getSimpleName() + "; only numbers, booleans and short strings are allowed");
  }

  private static String requireText(String s, String what, int max) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("alert " + what + " must not be blank");
    }
    if (s.length() > max) {
      throw new IllegalArgumentException("alert " + what + " is longer than " + max + " characters");
    }
    return s;
  }
}
