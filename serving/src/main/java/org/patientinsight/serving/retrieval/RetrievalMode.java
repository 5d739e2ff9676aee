package org.patientinsight.serving.retrieval;

import java.util.Locale;
import org.patientinsight.core.config.ConfigException;

/** How similar cases are found: embeddings, keywords, or both fused by rank. */
public enum RetrievalMode {
  DENSE, BM25, HYBRID;

  public static RetrievalMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("serving.retrieval_mode",
          "serving.retrieval_mode must be one of dense, bm25, hybrid; got '" + value + "'");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
