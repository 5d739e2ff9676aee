package org.patientinsight.core.embed;

import java.util.Locale;

/**
 * Where ONNX Runtime runs the model ({@code embed.device}). {@code cuda} uses ORT's CUDA
 * execution provider when this ORT build has it and a GPU answers; otherwise the embedder
 * says why in one log line and runs on the CPU.
 */
public enum EmbedDevice {
  CPU("cpu"),
  CUDA("cuda");

  public static final String SETTING_KEY = "embed.device";

  private final String setting;

  EmbedDevice(String setting) {
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }

  /** cpu | cuda (case-insensitive); anything else is an error naming the choices. */
  public static EmbedDevice fromSetting(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (EmbedDevice d : values()) {
      if (d.setting.equals(v)) {
        return d;
      }
    }
    throw new IllegalArgumentException("'" + SETTING_KEY + "' must be cpu or cuda, got '"
        + value + "'");
  }
}
