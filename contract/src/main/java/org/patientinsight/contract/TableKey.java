package org.patientinsight.contract;

import java.util.List;
import java.util.stream.Collectors;

/** The columns that identify a row of a table: what its MERGE matches target and source on. */
public record TableKey(List<String> columns) {

  public TableKey {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a table key needs at least one column");
    }
  }

  public static TableKey of(String... columns) {
    return new TableKey(List.of(columns));
  }

  /** The MERGE condition between two aliases, e.g. {@code t.store = s.store AND t.patient_uid = s.patient_uid}. */
  public String mergeCondition(String target, String source) {
    return columns.stream()
        .map(c -> target + "." + c + " = " + source + "." + c)
        .collect(Collectors.joining(" AND "));
  }

  /** The key columns as an array, for Spark's {@code select(String, String...)} and joins. */
  public String[] toArray() {
    return columns.toArray(String[]::new);
  }
}
