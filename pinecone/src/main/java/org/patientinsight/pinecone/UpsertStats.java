package org.patientinsight.pinecone;

/**
 * What one store instance has upserted: requests sent successfully, vectors and wire bytes in
 * them, and the time spent waiting for the upsert budget.
 */
public record UpsertStats(long requests, long vectors, long bytes, long throttledMillis) {}
