package org.patientinsight.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** embed.device=cuda: the CUDA provider when ORT has it, else the CPU with a reason. */
class ExecutionProvidersTest {

  @Test
  void cudaWithoutTheProviderFallsBackToTheCpuSayingWhy() {
    ExecutionProviders.Choice c = ExecutionProviders.choose(EmbedDevice.CUDA,
        EnumSet.of(OrtProvider.CPU));
    assertTrue(c.fellBack());
    assertEquals(EmbedDevice.CPU, c.used());
    assertTrue(c.reason().contains("no CUDA provider") && c.reason().contains("onnxruntime_gpu"),
        c.reason());
  }

  @Test
  void cudaIsKeptWhenTheProviderIsThere() {
    ExecutionProviders.Choice c = ExecutionProviders.choose(EmbedDevice.CUDA,
        EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA));
    assertFalse(c.fellBack());
    assertEquals(EmbedDevice.CUDA, c.used());
  }

  @Test
  void onThisMachineACudaRequestRunsOnTheCpuWithTheSameVectors() {
    // the ORT jar here is the CPU build: the real session must fall back, not fail
    MiniLmEmbedder cuda = MiniLmEmbedder.shared(EmbeddingModel.FP32, EmbedDevice.CUDA);
    assertEquals(EmbedDevice.CUDA, cuda.device().requested());
    assertEquals(EmbedDevice.CPU, cuda.device().used());
    assertTrue(cuda.device().fellBack());
    assertEquals(1, cuda.preferredBatchSize());
    String text = "Fever and a productive cough for three days.";
    assertArrayEquals(MiniLmEmbedder.shared().embed(text), cuda.embed(text), 1e-6f);
  }

  @Test
  void deviceSettingIsCheckedAndNamesTheChoices() {
    assertEquals(EmbedDevice.CUDA, EmbedDevice.fromSetting("CUDA"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EmbedDevice.fromSetting("tpu"));
    assertTrue(e.getMessage().contains("embed.device") && e.getMessage().contains("cpu or cuda"));
  }
}
