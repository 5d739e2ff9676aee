package org.patientinsight.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.patientinsight.core.embed.EmbeddingModel;
import org.patientinsight.core.embed.MiniLmEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints one text's vector as a JSON array, to compare with another stack (e.g.
 * sentence-transformers). Runs the embedder in this JVM only: no Spark, no settings.
 */
@Command(name = "embed-text", mixinStandardHelpOptions = true,
    description = {"Print the all-MiniLM-L6-v2 vector of a text as a JSON array (384 numbers).",
        "Use '-' to read the text from standard input."})
final class EmbedTextCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TEXT", description = "The text, or '-' for stdin.")
  String text;

  @Option(names = "--tokens", description = "Also print the token count (to stderr).")
  boolean tokens;

  @Option(names = "--model", defaultValue = "fp32",
      description = "fp32 (default, as sentence-transformers) or int8 (the quantized model).")
  String model;

  @Override
  public Integer call() throws IOException {
    String t = "-".equals(text)
        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : text;
    if (t.isBlank()) {
      System.err.println("error: TEXT is empty; give the text to embed (or '-' for stdin)");
      return 2;
    }
    EmbeddingModel chosen;
    try {
      chosen = EmbeddingModel.fromSetting(model);
    } catch (IllegalArgumentException e) {
      System.err.println("error: --model must be fp32 or int8, got '" + model + "'");
      return 2;
    }
    MiniLmEmbedder embedder = MiniLmEmbedder.shared(chosen);
    float[] v = embedder.embed(t);
    System.out.println(toJson(v));
    if (tokens) {
      System.err.println(embedder.countTokens(t) + " tokens (" + embedder.modelId() + ")");
    }
    return 0;
  }

  /** Shortest decimal that reads back as the same float, JSON array syntax. */
  static String toJson(float[] v) {
    StringBuilder sb = new StringBuilder(v.length * 12);
    sb.append('[');
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Float.toString(v[i]));
    }
    return sb.append(']').toString();
  }
}
