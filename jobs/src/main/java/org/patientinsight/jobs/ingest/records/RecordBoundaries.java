package org.patientinsight.jobs.ingest.records;

/** Where records start in a file, for a format that can be read in byte-range splits. */
public interface RecordBoundaries {
  /**
   * A guess at the first record start at or after {@code pos} when nothing before it is known
   * (the end of input when there is none). {@link SplitStarts} verifies every guess.
   */
  long firstCandidateAtOrAfter(long pos);

  /** Start of the first record at or after {@code target}, reading on from the record start {@code from}. */
  long firstStartAtOrAfter(long from, long target);
}
