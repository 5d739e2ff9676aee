package org.patientinsight.serving.retrieval;

import java.util.Map;
import org.patientinsight.core.vector.ScoredMatch;

/**
 * One similar case as the service uses it. {@code score} is the cosine similarity to the
 * query (null when the case came only from BM25 and lies outside the dense candidates);
 * {@code text} is the note (or its snippet when the store keeps no full text) for prompts.
 */
public record RetrievedCase(String patientUid, String pmid, String title, Double score,
    String snippet, Double age, String sex, String text) {

  public static RetrievedCase from(ScoredMatch m, Double cosine) {
    Map<String, Object> md = m.metadata();
    String snippet = str(md.get("snippet"));
    String text = str(md.get("text"));
    return new RetrievedCase(m.id(), str(md.get("pmid")), str(md.get("title")), cosine,
        snippet, num(md.get("age_years")), str(md.get("gender")),
        text == null || text.isBlank() ? (snippet == null ? "" : snippet) : text);
  }

  private static String str(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue());
    }
    return o.toString();
  }

  private static Double num(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof String s && !s.isBlank()) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
