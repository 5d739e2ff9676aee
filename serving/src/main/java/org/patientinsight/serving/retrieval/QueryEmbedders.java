package org.patientinsight.serving.retrieval;

import org.patientinsight.core.embed.EmbeddingModel;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.embed.TextEmbedder;

/**
 * Queries must be embedded by the model whose vectors the index holds (fp32 and int8 cosines
 * are close but not comparable across models): the index records its model, and serving
 * follows it.
 */
public final class QueryEmbedders {
  private QueryEmbedders() {}

  /**
   * @param indexedModelId the model the index records (null for an index that predates model
   *     ids, which holds the default model's vectors)
   * @param given the JVM's default embedder
   */
  public static TextEmbedder matching(String indexedModelId, TextEmbedder given) {
    if (indexedModelId == null || indexedModelId.equals(given.modelId())) {
      return given;
    }
    return EmbeddingModel.fromModelId(indexedModelId).<TextEmbedder>map(MiniLmEmbedder::shared)
        .orElseThrow(() -> new IllegalStateException("the vector index holds vectors of model '"
            + indexedModelId + "', which this service cannot embed queries with (known: fp32, int8)"));
  }
}
