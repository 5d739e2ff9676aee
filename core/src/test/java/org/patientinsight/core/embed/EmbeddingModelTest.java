package org.patientinsight.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The int8 model: its own id, its own vectors, close to fp32's on clinical notes. */
class EmbeddingModelTest {

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  @Test
  void settingSelectsTheModelAndBadValuesNameTheChoices() {
    assertEquals(EmbeddingModel.FP32, EmbeddingModel.fromSetting("fp32"));
    assertEquals(EmbeddingModel.INT8, EmbeddingModel.fromSetting(" INT8 "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EmbeddingModel.fromSetting("int4"));
    assertTrue(e.getMessage().contains("embed.model") && e.getMessage().contains("fp32 or int8"),
        e.getMessage());
    assertEquals(MiniLmEmbedder.MODEL_ID, EmbeddingModel.FP32.modelId());
    assertNotEquals(EmbeddingModel.FP32.modelId(), EmbeddingModel.INT8.modelId());
  }

  @Test
  void int8VectorsDifferFromFp32ButStayClose() {
    MiniLmEmbedder fp32 = MiniLmEmbedder.shared(EmbeddingModel.FP32);
    MiniLmEmbedder int8 = MiniLmEmbedder.shared(EmbeddingModel.INT8);
    assertEquals(EmbeddingModel.INT8.modelId(), int8.modelId());
    assertEquals(fp32.dimension(), int8.dimension());
    List<String> notes = ClinicalNoteGenerator.notes(12, 5);
    double min = 1;
    for (String note : notes) {
      float[] a = fp32.embed(note);
      float[] b = int8.embed(note);
      assertEquals(384, b.length);
      assertEquals(1.0, Math.sqrt(dot(b, b)), 1e-5, "int8 vectors are unit length too");
      assertTrue(!Arrays.equals(a, b), "int8 must not silently run the fp32 weights");
      min = Math.min(min, dot(a, b));
    }
    assertTrue(min > 0.95, "int8 vs fp32 cosine on sample notes: min " + min);
    // and it still tells related from unrelated text
    float[] chest = int8.embed("Patient presented with acute chest pain radiating to the left arm.");
    float[] similar = int8.embed("A man came in with crushing chest pain spreading into his arm.");
    float[] tax = int8.embed("The quarterly tax return is due at the end of April.");
    assertTrue(dot(chest, similar) > dot(chest, tax) + 0.3);
  }
}
