package org.patientinsight.jobs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.jobs.testing.ConsoleRun;

/** {@code embed-text} prints the embedder's vector as a JSON array, without Spark. */
class EmbedTextCommandTest {

  private static String[] runCapturing(String... args) {
    ConsoleRun r = ConsoleRun.of(args);
    return new String[] {String.valueOf(r.exitCode()), r.out(), r.err()};
  }

  @Test
  void printsA384FloatUnitVectorEqualToTheEmbeddersOwn() throws Exception {
    String[] r = runCapturing("embed-text", "Hello world");
    assertEquals("0", r[0], r[2]);
    JsonNode arr = new ObjectMapper().readTree(r[1]);
    assertTrue(arr.isArray());
    assertEquals(384, arr.size());
    double norm = 0;
    float[] expected = MiniLmEmbedder.shared().embed("Hello world");
    for (int i = 0; i < arr.size(); i++) {
      float f = arr.get(i).floatValue();
      assertEquals(expected[i], f, 0f, "value " + i + " reads back exactly");
      norm += (double) f * f;
    }
    assertEquals(1.0, Math.sqrt(norm), 1e-4);
    // sentence-transformers' published values for "Hello world" (first dims)
    assertEquals(-0.03448, arr.get(0).asDouble(), 1e-3);
    assertEquals(0.03102, arr.get(1).asDouble(), 1e-3);
  }

  @Test
  void emptyTextIsAClearError() {
    String[] r = runCapturing("embed-text", "  ");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("TEXT is empty"), r[2]);
    assertEquals("", r[1]);
  }
}
