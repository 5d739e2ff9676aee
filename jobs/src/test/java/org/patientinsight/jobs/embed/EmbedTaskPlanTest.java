package org.patientinsight.jobs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EmbedTaskPlanTest {

  @Test
  void manyTextsGetWholeWavesOfTasksPerSlot() {
    assertEquals(8, EmbedTaskPlan.of(100_000, 2, 4).tasks());
    assertEquals(64, EmbedTaskPlan.of(100_000, 16, 4).tasks());
  }

  @Test
  void fewTextsStillUseEverySlotButNeverMoreTasksThanTexts() {
    assertEquals(2, EmbedTaskPlan.of(3, 2, 4).tasks(), "3 texts on 2 slots: both slots work");
    assertEquals(1, EmbedTaskPlan.of(1, 8, 4).tasks());
    assertEquals(1, EmbedTaskPlan.of(0, 8, 4).tasks());
  }

  @Test
  void tasksAreNotSmallerThanTheMinimumWhenThereIsEnoughWork() {
    // 40 texts on 2 slots: 40/8 = 5 tasks wanted by size, rounded down to whole waves of 2
    assertEquals(4, EmbedTaskPlan.of(40, 2, 4).tasks());
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> EmbedTaskPlan.of(10, 0, 4));
    assertThrows(IllegalArgumentException.class, () -> EmbedTaskPlan.of(10, 2, 0));
  }
}
