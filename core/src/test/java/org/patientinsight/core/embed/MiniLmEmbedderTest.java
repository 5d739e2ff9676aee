package org.patientinsight.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
  private static final MiniLmEmbedder EMBEDDER = MiniLmEmbedder.shared();

  /** Words that are one word piece each, so N words make exactly N + 2 tokens. */
  private static final String[] WORDS = {"the", "patient", "was", "admitted", "with", "fever",
      "and", "cough", "after", "three", "days", "of", "pain", "in", "her", "chest"};

  private static String words(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[(i * 7 + i / 16) % WORDS.length]);
    }
    return sb.toString();
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  @Test
  void helloWorldMatchesSentenceTransformers() {
    float[] v = EMBEDDER.embed("Hello world");
    assertEquals(384, v.length);
    float[] expected = {-0.03448f, 0.03102f, 0.00673f, 0.02611f, -0.03936f};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], v[i], 1e-3, "dim " + i);
    }
    assertEquals(1.0, Math.sqrt(dot(v, v)), 1e-5);
  }

  @Test
  void vectorsAreUnitLengthAndDistinguishMeaning() {
    float[] a = EMBEDDER.embed("Patient presented with acute chest pain radiating to the left arm.");
    float[] b = EMBEDDER.embed("A man came in with crushing chest pain spreading into his arm.");
    float[] c = EMBEDDER.embed("The quarterly tax return is due at the end of April.");
    assertEquals(1.0, Math.sqrt(dot(a, a)), 1e-5);
    assertTrue(dot(a, b) > dot(a, c) + 0.3, "similar notes must be closer than unrelated text");
  }

  @Test
  void truncatesAt256TokensLikeSentenceTransformers() {
    String first = words(254);
    assertEquals(256, EMBEDDER.countTokens(first), "254 single-piece words + [CLS] + [SEP]");
    String longText = words(600);
    assertEquals(256, EMBEDDER.countTokens(longText));
    double cos = dot(EMBEDDER.embed(longText), EMBEDDER.embed(first));
    assertTrue(cos > 0.9999, "long text must embed as its first 256 tokens, cosine " + cos);
    // and the truncation really is at 256, not at the tokenizer file's 128
    double cos128 = dot(EMBEDDER.embed(longText), EMBEDDER.embed(words(126)));
    assertTrue(cos128 < 0.9999, "tokens 129..256 must count, cosine " + cos128);
  }

  @Test
  void countTokensIncludesSpecialTokens() {
    assertEquals(2, EMBEDDER.countTokens(""));
    assertEquals(4, EMBEDDER.countTokens("Hello world"));
    EmbeddedText e = EMBEDDER.embedCounted("Hello world");
    assertEquals(4, e.tokens());
    assertArrayEquals(EMBEDDER.embed("Hello world"), e.vector(), 0f);
  }

  @Test
  void batchesEqualSingleCallsInInputOrder() {
    List<String> texts = List.of("Hello world", words(40), "Fever.", words(300),
        "Elderly woman with a hip fracture after a fall at home.", "");
    List<float[]> batched = EMBEDDER.embedAll(texts, 4);
    List<float[]> single = EMBEDDER.embedAll(texts);
    assertEquals(texts.size(), batched.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] one = EMBEDDER.embed(texts.get(i));
      assertArrayEquals(one, single.get(i), 0f, "text " + i);
      assertArrayEquals(one, batched.get(i), 2e-5f, "text " + i + " (padded batch)");
    }
  }

  @Test
  void concurrentCallersGetTheSameVectorsAsSequential() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      texts.add(words(20 + i * 9) + " case " + i);
    }
    List<float[]> expected = EMBEDDER.embedAll(texts);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> futures = new ArrayList<>();
      for (String t : texts) {
        futures.add(pool.submit(() -> MiniLmEmbedder.shared().embed(t)));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(expected.get(i), futures.get(i).get(), 0f, "text " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sharedIsOneInstanceWithModelIdAndNativesInOurDirectory() {
    assertTrue(MiniLmEmbedder.shared() == EMBEDDER);
    assertEquals("sentence-transformers/all-MiniLM-L6-v2@onnx;max_seq=256", EMBEDDER.modelId());
    assertEquals(384, EMBEDDER.dimension());
    java.nio.file.Path natives = NativeLibraries.prepare();
    try (var files = Files.walk(natives.resolve("models"))) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("all-minilm-l6-v2.onnx")));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    String ortPath = System.getProperty(NativeLibraries.ORT_PATH_PROPERTY);
    assertTrue(ortPath != null && ortPath.startsWith(natives.toString()), "ORT natives: " + ortPath);
    assertEquals("true", System.getProperty("ai.djl.offline"));
    // DJL unpacked its tokenizer library under our directory, not ~/.djl.ai
    try (var files = Files.walk(natives.resolve("djl"))) {
      assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("libtokenizers")));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void nullTextIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EMBEDDER.embed(null));
    assertTrue(e.getMessage().contains("null"));
    assertThrows(IllegalArgumentException.class, () -> EMBEDDER.embedAll(List.of("a"), 0));
  }
}
