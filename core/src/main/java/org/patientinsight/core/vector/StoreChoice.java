package org.patientinsight.core.vector;

import org.patientinsight.core.config.Settings;

/**
 * Which vector store a deployment uses, from the one key {@value #KEY} that the batch jobs
 * (sync writes it) and serving (it searches it) both read, so the two cannot disagree.
 */
public final class StoreChoice {
  public static final String KEY = "vector.store";
  /** The local Lucene index: {@code vector.local.dir}, default {@code <warehouse>/vector_index}. */
  public static final String LOCAL = "local";
  public static final String PINECONE = "pinecone";
  /** No store: the pipeline leaves out embed and sync; serving refuses to start. */
  public static final String NONE = "none";

  private StoreChoice() {
  }

  /** The configured store's name; a value other than local/pinecone/none fails naming the key. */
  public static String configured(Settings settings) {
    return settings.getChoice(KEY, LOCAL, PINECONE, NONE);
  }
}
