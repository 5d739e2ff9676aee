package org.patientinsight.core.vector;

import java.util.Map;

/** A search hit: the record's id, its similarity to the query, and its metadata. */
public record ScoredMatch(String id, double score, Map<String, Object> metadata) {
  public ScoredMatch {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
