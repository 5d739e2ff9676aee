package org.patientinsight.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class MeanPoolingTest {

  @Test
  void averagesOnlyMaskedTokensThenNormalises() {
    // batch of 2, 3 tokens, dim 2; row 1's last token is padding with a huge value
    float[] hidden = {
        1, 0, 3, 0, 5, 0,        // row 0: mean (3, 0)
        0, 2, 0, 4, 100, 100};   // row 1: mean over 2 tokens (0, 3); padding ignored
    FloatBuffer buf = FloatBuffer.wrap(hidden);
    assertArrayEquals(new float[] {1, 0},
        MeanPooling.poolAndNormalise(buf, 0, 3, 2, new long[] {1, 1, 1}), 1e-6f);
    assertArrayEquals(new float[] {0, 1},
        MeanPooling.poolAndNormalise(buf, 1, 3, 2, new long[] {1, 1, 0}), 1e-6f);
  }

  @Test
  void normaliseGivesUnitLengthAndLeavesZeroAlone() {
    float[] v = MeanPooling.normalise(new float[] {3, 4});
    assertArrayEquals(new float[] {0.6f, 0.8f}, v, 1e-6f);
    float[] z = MeanPooling.normalise(new float[] {0, 0});
    assertEquals(0f, z[0]);
    assertEquals(0f, z[1]);
  }
}
