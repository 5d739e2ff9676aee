package org.patientinsight.jobs.ingest.records;

/** Reads a splittable file's records one by one from a record start. */
public interface RecordReader extends RecordBoundaries {
  /**
   * The record at {@code start} (a record start), or null at the end of the records;
   * {@code next[0]} receives the start of the following one.
   */
  RawRecord next(long start, long[] next);
}
