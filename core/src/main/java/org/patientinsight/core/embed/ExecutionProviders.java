package org.patientinsight.core.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.util.EnumSet;

/**
 * Chooses ONNX Runtime's execution provider for {@code embed.device}. CUDA needs an ORT build
 * with the CUDA provider (the {@code onnxruntime_gpu} artifact, in the GPU image) and a GPU with
 * its driver; when either is missing the session runs on the CPU and the choice says why.
 */
public final class ExecutionProviders {
  /**
   * @param requested what {@code embed.device} asked for
   * @param used what the session runs on
   * @param reason why {@code used} differs from {@code requested}; empty when it does not
   */
  public record Choice(EmbedDevice requested, EmbedDevice used, String reason) {
    public boolean fellBack() {
      return requested != used;
    }
  }

  private ExecutionProviders() {}

  /** Adds the provider to the options, or explains why not; CPU needs nothing added. */
  static Choice apply(EmbedDevice requested, OrtSession.SessionOptions opts) {
    if (requested == EmbedDevice.CPU) {
      return new Choice(requested, EmbedDevice.CPU, "");
    }
    Choice choice = choose(requested, OrtEnvironment.getAvailableProviders());
    if (choice.fellBack()) {
      return choice;
    }
    try {
      opts.addCUDA(0);
      return choice;
    } catch (OrtException | RuntimeException e) {
      // the provider is compiled in but no GPU or driver answers
      return new Choice(requested, EmbedDevice.CPU, "ONNX Runtime's CUDA provider could not"
          + " start on GPU 0 (" + e.getMessage() + ")");
    }
  }

  /** The provider decision from what this ORT build offers (pure, for tests). */
  static Choice choose(EmbedDevice requested, EnumSet<OrtProvider> available) {
    if (requested == EmbedDevice.CUDA && !available.contains(OrtProvider.CUDA)) {
      return new Choice(requested, EmbedDevice.CPU, "this ONNX Runtime build has no CUDA"
          + " provider (providers: " + available + "; the GPU image ships onnxruntime_gpu)");
    }
    return new Choice(requested, requested, "");
  }
}
