package org.patientinsight.serving.http;

import java.util.function.BooleanSupplier;

/** Whether the service can answer: the index is open and the embedder is loaded. */
public final class Readiness {
  private volatile boolean embedderLoaded;
  private final BooleanSupplier indexOpen;

  public Readiness(BooleanSupplier indexOpen) {
    this.indexOpen = indexOpen;
  }

  public void embedderLoaded() {
    this.embedderLoaded = true;
  }

  public boolean isEmbedderLoaded() {
    return embedderLoaded;
  }

  public boolean isIndexOpen() {
    try {
      return indexOpen.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  public boolean isReady() {
    return embedderLoaded && isIndexOpen();
  }
}
