package org.patientinsight.core.vector;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * How note text is split into BM25 terms in the local index. Fixed when an index is created
 * (recorded in its commit data), because queries must be analysed the way the notes were.
 */
public enum TextAnalysis {
  /** Lower case, English stop words, Porter stemming ("fractures" finds "fracture"). */
  ENGLISH,
  /** Unicode word breaks and lower case only (no stop words, no stemming). */
  STANDARD;

  Analyzer newAnalyzer() {
    return this == ENGLISH ? new EnglishAnalyzer() : new StandardAnalyzer();
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static TextAnalysis fromId(String id, String where) {
    for (TextAnalysis a : values()) {
      if (a.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException(where + " must be one of english, standard; got '" + id
        + "'");
  }
}
