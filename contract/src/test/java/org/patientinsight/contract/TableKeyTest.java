package org.patientinsight.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableKeyTest {
  @Test
  void mergeConditionMatchesEveryKeyColumn() {
    assertEquals("t.patient_uid = s.patient_uid", CasesTable.KEY.mergeCondition("t", "s"));
    assertEquals("t.store = s.store AND t.patient_uid = s.patient_uid",
        VectorSyncTable.KEY.mergeCondition("t", "s"));
  }

  @Test
  void columnsKeepTheirOrder() {
    assertArrayEquals(new String[] {"store", "patient_uid"}, VectorSyncTable.KEY.toArray());
    assertEquals(List.of("run_id"), QualityRunsTable.KEY.columns());
  }

  @Test
  void aKeyNeedsAColumn() {
    assertThrows(IllegalArgumentException.class, TableKey::of);
  }
}
