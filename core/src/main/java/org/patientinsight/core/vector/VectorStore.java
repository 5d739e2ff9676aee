package org.patientinsight.core.vector;

import java.util.Collection;
import java.util.List;

/**
 * Where case vectors live and are searched: Pinecone in the cloud, or the embedded local
 * index. Ids are {@code patient_uid}s; values are 384-d L2-normalised embeddings; scores are
 * cosine similarities (higher is closer). Implementations are thread-safe.
 */
public interface VectorStore extends AutoCloseable {

  /** A short name for logs and the run summary ("local", "pinecone"). */
  String name();

  /** Inserts or replaces these records (by id). Implementations batch and retry as needed. */
  void upsert(List<VectorRecord> records);

  /** Removes these ids; ids that are not there are ignored. */
  void delete(Collection<String> ids);

  /** The topK nearest records to the query vector that pass the filter, best first. */
  List<ScoredMatch> query(float[] vector, int topK, SearchFilter filter);

  /**
   * Declares which embedding model's vectors this store is to hold. A store that records it
   * (the local index) empties itself when it held another model's vectors and returns true;
   * the caller must then push every vector again. Stores that do not record it return false.
   */
  default boolean useModel(String modelId, String unrecordedModelId) {
    return false;
  }

  /**
   * Brings the store into its best shape for search after a batch of writes (the local index
   * merges its segments); stores with nothing to do ignore it.
   */
  default void compact() {}

  /** Whether {@link #searchText} works: the local index keeps each note for BM25; Pinecone keeps only a snippet. */
  default boolean searchesText() {
    return false;
  }

  /**
   * Keyword (BM25) search over the stored note text, filtered like {@link #query}; scores are
   * BM25 scores, not cosines. Only where {@link #searchesText()} is true.
   */
  default List<ScoredMatch> searchText(String query, int topK, SearchFilter filter) {
    throw new UnsupportedOperationException("the " + name() + " store keeps no note text to search by keyword");
  }

  /** How many records the store holds now. */
  long count();

  @Override
  void close();
}
