package org.patientinsight.core.embed;

import java.util.Locale;

/**
 * Which all-MiniLM-L6-v2 weights embed the notes ({@code embed.model}). Both take the same
 * tokenizer and give 384-d vectors, but their vectors differ slightly (cosine ~0.99 to each
 * other), so each has its own model id: the embeddings table and the local index keep the two
 * apart, and switching the model re-embeds every case.
 */
public enum EmbeddingModel {
  /** The original float weights: vectors match sentence-transformers (Python-built indexes). */
  FP32("fp32", "all-minilm-l6-v2.onnx", "sentence-transformers/all-MiniLM-L6-v2@onnx;max_seq="
      + MiniLmTokenizer.MAX_TOKENS),
  /**
   * The same model dynamically quantized to int8 (langchain4j's all-minilm-l6-v2-q): about
   * 1.8x the tokens/s on CPU, vectors at cosine ~0.99 to fp32's.
   */
  INT8("int8", "all-minilm-l6-v2-q.onnx",
      "sentence-transformers/all-MiniLM-L6-v2@onnx-int8;max_seq=" + MiniLmTokenizer.MAX_TOKENS);

  public static final String SETTING_KEY = "embed.model";

  private final String setting;
  private final String resource;
  private final String modelId;

  EmbeddingModel(String setting, String resource, String modelId) {
    this.setting = setting;
    this.resource = resource;
    this.modelId = modelId;
  }

  /** The value of {@code embed.model} that selects it. */
  public String setting() {
    return setting;
  }

  /** The ONNX file on the class path. */
  String resource() {
    return resource;
  }

  /** Stored beside every vector it makes. */
  public String modelId() {
    return modelId;
  }

  /** fp32 | int8 (case-insensitive); anything else is an error naming the choices. */
  public static EmbeddingModel fromSetting(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (EmbeddingModel m : values()) {
      if (m.setting.equals(v)) {
        return m;
      }
    }
    throw new IllegalArgumentException("'" + SETTING_KEY + "' must be fp32 or int8, got '"
        + value + "'");
  }

  /** The model whose vectors carry this id (as an index records it); empty for an unknown id. */
  public static java.util.Optional<EmbeddingModel> fromModelId(String modelId) {
    for (EmbeddingModel m : values()) {
      if (m.modelId.equals(modelId)) {
        return java.util.Optional.of(m);
      }
    }
    return java.util.Optional.empty();
  }
}
