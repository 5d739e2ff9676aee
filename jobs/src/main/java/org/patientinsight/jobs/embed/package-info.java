/**
 * The embed and sync stages: cases → {@code embeddings} (Delta) → vector store.
 *
 * <ul>
 *   <li>{@link org.patientinsight.jobs.embed.EmbedStage} embeds only cases whose
 *       (patient_uid, content_hash) has no vector of the current model, in Spark, and writes
 *       them to {@code embeddings} before anything touches a store — so a failed or throttled
 *       upsert never costs an embedding again. New uids are appended by the embedding job
 *       itself; replaced ones are MERGEd from persisted vectors.
 *   <li>{@link org.patientinsight.jobs.embed.SyncStage} then makes the configured store
 *       ({@code vector.store}: local Lucene index or Pinecone) hold exactly the current
 *       vectors, deleting ids whose case is gone, and records per store what it holds in
 *       {@code vector_sync} (pending before an upsert, confirmed after).
 * </ul>
 *
 * <p>Neither table is rolled back with a failed run: {@code embeddings} is a cache keyed by
 * content, and {@code vector_sync} describes a store outside Delta that a roll-back could not
 * undo. Why these choices (measured on 2 cores, see {@code bench/embed-benchmark.sh}): batch 1
 * with one caller per task slot is the embedder's fastest setting, so texts are dealt into
 * equal round-robin tasks (no sorting by length: without batching there is no padding to
 * save); upserts run from the driver, one writer, so Pinecone's per-namespace rate is one
 * budget instead of one per Spark task.
 */
package org.patientinsight.jobs.embed;
