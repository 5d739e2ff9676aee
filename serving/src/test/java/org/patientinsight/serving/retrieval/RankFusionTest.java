package org.patientinsight.serving.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {
  @Test
  void sumsReciprocalRanks() {
    List<RankFusion.Fused> f = new RankFusion(60).fuse(List.of(List.of("a", "b", "c"),
        List.of("c", "a", "d")), 10);
    assertEquals(List.of("a", "c", "b", "d"), f.stream().map(RankFusion.Fused::id).toList());
    assertEquals(1.0 / 61 + 1.0 / 62, f.get(0).score(), 1e-12);
    assertEquals(1.0 / 63, f.get(3).score(), 1e-12);
  }

  @Test
  void cutsToTopKAndBreaksTiesByFirstList() {
    List<RankFusion.Fused> f = new RankFusion(1).fuse(List.of(List.of("x"), List.of("y")), 1);
    assertEquals(List.of("x"), f.stream().map(RankFusion.Fused::id).toList());
  }

  @Test
  void rejectsBadK() {
    assertThrows(IllegalArgumentException.class, () -> new RankFusion(0));
  }
}
