package org.patientinsight.serving.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.embed.EmbeddingModel;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.core.embed.TextEmbedder;
import org.patientinsight.core.vector.LocalVectorStore;
import org.patientinsight.core.vector.VectorRecord;
import org.patientinsight.serving.ServingComponents;
import org.patientinsight.serving.http.ApiKeyAuth;

/** Serving embeds queries with the model whose vectors the index holds. */
class QueryEmbeddersTest {
  private static final TextEmbedder FP32 = MiniLmEmbedder.shared();

  @Test
  void anIndexOfTheDefaultModelOrWithoutARecordKeepsTheDefault() {
    assertSame(FP32, QueryEmbedders.matching(null, FP32));
    assertSame(FP32, QueryEmbedders.matching(EmbeddingModel.FP32.modelId(), FP32));
  }

  @Test
  void anUnknownModelIsRefusedByName() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> QueryEmbedders.matching("someone/else@v9", FP32));
    assertTrue(e.getMessage().contains("someone/else@v9"), e.getMessage());
  }

  /** An int8 index (embed.model=int8 in the pipeline): serve's components query with int8. */
  @Test
  void servingFollowsAnInt8Index() throws Exception {
    Path warehouse = Files.createTempDirectory("int8-warehouse");
    TextEmbedder int8 = MiniLmEmbedder.shared(EmbeddingModel.INT8);
    try (LocalVectorStore w = LocalVectorStore.open(warehouse.resolve("vector_index"))) {
      w.useModel(int8.modelId(), EmbeddingModel.FP32.modelId());
      w.upsert(List.of(new VectorRecord("1-1", int8.embed("fever and a rash in a child"),
          Map.of("title", "A child with fever"))));
    }
    Settings settings = Settings.load(null, Map.of(), Map.of("warehouse", warehouse.toString()));
    try (ServingComponents c = ServingComponents.build(settings, Map.of(), FP32,
        ApiKeyAuth.fromHashes(ApiKeyAuth.sha256Hex("k")))) {
      assertEquals(EmbeddingModel.INT8.modelId(), c.embedder().modelId());
    }
  }
}
