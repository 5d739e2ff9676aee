/**
 * Where case vectors live: the {@link org.patientinsight.core.vector.VectorStore} contract and
 * {@link org.patientinsight.core.vector.LocalVectorStore}, an on-disk Lucene index with HNSW
 * vectors (cosine), filterable metadata (age range, sex) and BM25 over the note text, so the
 * pipeline and serving run with no external service.
 *
 * <p>Record metadata the local store understands: {@code pmid}, {@code title},
 * {@code age_years} (number; range-filterable), {@code gender} (filterable, case-insensitive),
 * {@code snippet}, {@code content_hash}, and {@code text} &mdash; the note text, indexed for
 * {@code searchText} (BM25) but never stored or returned. Open with
 * {@code LocalVectorStore.open(LocalStoreSettings.from(settings))} to write (the pipeline) or
 * {@code LocalVectorStore.openReadOnly(dir)} to serve.
 */
package org.patientinsight.core.vector;
