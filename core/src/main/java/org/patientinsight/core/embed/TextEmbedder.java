package org.patientinsight.core.embed;

import java.util.ArrayList;
import java.util.List;

/** Turns text into a unit-length vector whose dot product with another is their cosine. */
public interface TextEmbedder {

  /** Identifies the model and its settings, stored beside every vector. */
  String modelId();

  /** Vector length (384 for all-MiniLM-L6-v2). */
  int dimension();

  /** The L2-normalised embedding of one text. */
  float[] embed(String text);

  /** Embeddings of several texts, in order. */
  default List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(embed(t));
    }
    return out;
  }
}
