package org.patientinsight.core.vector;

import java.util.Map;

/**
 * One case as a vector store holds it. Metadata values are String, Number or Boolean
 * (pmid, title, age_years, gender, snippet, content_hash).
 */
public record VectorRecord(String id, float[] values, Map<String, Object> metadata) {
  public VectorRecord {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("vector record needs an id");
    }
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("vector record " + id + " has no values");
    }
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
