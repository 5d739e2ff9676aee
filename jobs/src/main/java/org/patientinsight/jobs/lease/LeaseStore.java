package org.patientinsight.jobs.lease;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the lease's generations live. The one primitive the rules rely on is
 * {@link #create}: of several callers creating the same generation, exactly one succeeds —
 * an atomic create locally, a conditional PUT ({@code If-None-Match: *}) on S3.
 */
public interface LeaseStore {
  /** The generations present, ascending. */
  List<Long> generations() throws IOException;

  /** One generation's bytes; empty when it is not (or no longer) there. */
  Optional<byte[]> read(long generation) throws IOException;

  /** Creates the generation with this content if none exists yet; false when it already did. */
  boolean create(long generation, byte[] content) throws IOException;

  /** Removes an old generation (housekeeping; never the newest). */
  void delete(long generation) throws IOException;

  /** Where the generations live, for messages. */
  String location();

  /** The file (object) name of a generation: zero-padded, so names sort as numbers. */
  static String fileName(long generation) {
    return String.format("%012d.json", generation);
  }

  /** The generation a file name stands for, or -1 for any other name (temp files, strays). */
  static long generationOf(String fileName) {
    if (!fileName.matches("\\d{1,18}\\.json")) {
      return -1;
    }
    return Long.parseLong(fileName.substring(0, fileName.length() - ".json".length()));
  }
}
