package org.patientinsight.jobs.embed;

import java.io.Serializable;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.embed.EmbedDevice;
import org.patientinsight.core.embed.EmbeddingModel;
import org.patientinsight.core.embed.MiniLmEmbedder;

/**
 * Which model embeds the notes and where ({@code embed.model}: fp32 | int8,
 * {@code embed.device}: cpu | cuda). Serializable so Spark tasks get the choice and fetch the
 * executor's own embedder for it.
 */
public record EmbedSettings(EmbeddingModel model, EmbedDevice device) implements Serializable {
  public static EmbedSettings from(Settings settings) {
    EmbeddingModel model = EmbeddingModel.fromSetting(settings.getChoice(
        EmbeddingModel.SETTING_KEY, "fp32", "int8"));
    EmbedDevice device = EmbedDevice.fromSetting(settings.getChoice(
        EmbedDevice.SETTING_KEY, "cpu", "cuda"));
    return new EmbedSettings(model, device);
  }

  /** The model id stored beside (and selecting) this model's vectors. */
  public String modelId() {
    return model.modelId();
  }

  /** This JVM's embedder for the choice (call it on the executor). */
  public MiniLmEmbedder embedder() {
    return MiniLmEmbedder.shared(model, device);
  }
}
