package org.patientinsight.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** What the declarations promise each other: keys and listed columns are columns of their table. */
class TableContractsTest {
  private static final Map<StructType, TableKey> KEYED = Map.of(
      CasesTable.SCHEMA, CasesTable.KEY,
      EmbeddingsTable.SCHEMA, EmbeddingsTable.KEY,
      VectorSyncTable.SCHEMA, VectorSyncTable.KEY,
      QualityRunsTable.SCHEMA, QualityRunsTable.KEY);

  @Test
  void everyKeyColumnIsAColumnOfItsTable() {
    KEYED.forEach((schema, key) -> key.columns().forEach(c ->
        assertTrue(Arrays.asList(schema.fieldNames()).contains(c), c + " in " + schema.simpleString())));
  }

  @Test
  void theCleanedColumnsOpenTheCasesTableInOrder() {
    List<String> names = Arrays.asList(CasesTable.SCHEMA.fieldNames());
    assertEquals(CasesTable.CLEANED_COLUMNS, names.subList(0, CasesTable.CLEANED_COLUMNS.size()));
    assertEquals(List.of("source_uri", "run_id", "ingested_at"),
        names.subList(CasesTable.CLEANED_COLUMNS.size(), names.size()));
  }

  @Test
  void quarantineCodesAreTheStoredNames() {
    // the names are data (quarantine rows, summaries): renaming one breaks older tables' readers
    assertEquals(List.of("BROKEN_RECORD", "INVALID_ENCODING", "MISSING_PATIENT_UID", "EMPTY_NOTE",
        "NOTE_TOO_SHORT", "MALFORMED_RELEVANT_ARTICLES", "MALFORMED_SIMILAR_PATIENTS"),
        Arrays.stream(QuarantineCode.values()).map(Enum::name).toList());
  }
}
