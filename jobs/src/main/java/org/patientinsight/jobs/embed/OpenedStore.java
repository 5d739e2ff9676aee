package org.patientinsight.jobs.embed;

import java.util.Map;
import java.util.function.Supplier;
import org.patientinsight.core.vector.VectorStore;

/**
 * A vector store opened for the sync stage, with what the stage must know about it.
 *
 * @param store the store
 * @param ledgerKey identifies this store's contents in {@code vector_sync} (kind plus where it
 *     is: index directory, or Pinecone host/index and namespace), so pointing the job at another
 *     index starts that index's own record instead of believing it is in sync
 * @param indexesText whether records carry the note text (metadata "text") for keyword search;
 *     only the local index does, Pinecone gets the snippet only
 * @param stats store-specific figures for the run summary (e.g. Pinecone's throttled time)
 */
public record OpenedStore(VectorStore store, String ledgerKey, boolean indexesText,
    Supplier<Map<String, Object>> stats) implements AutoCloseable {

  public String name() {
    return store.name();
  }

  @Override
  public void close() {
    store.close();
  }
}
