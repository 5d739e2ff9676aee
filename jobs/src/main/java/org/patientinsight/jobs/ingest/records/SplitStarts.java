package org.patientinsight.jobs.ingest.records;

/**
 * Where each split of a file starts reading records, resolved exactly. A file is cut into byte
 * ranges {@code [bounds[k], bounds[k+1])}; split k owns the records that start in its range.
 * Each split is first probed in parallel from a guessed start (the first line there at which a
 * good record begins — see {@link CsvRecordParser#firstCandidateAtOrAfter}), parsing on to the
 * first record start at or after its range's end. The true start of split 0 is known (after the
 * header); walking the splits in order, split k's guess is confirmed when it equals the end
 * the previous split found from its confirmed start; otherwise (a quoted field holding a line
 * that looks like a record, or a broken record across the boundary) that split is parsed again
 * from its true start. This is the speculate-then-verify scheme of Ge et al. (SIGMOD 2019),
 * with verification, so nothing rests on the guess.
 */
public final class SplitStarts {
  private SplitStarts() {}

  /** What probing one split found: its guessed first record start and, from there, its end. */
  public record Probe(long start, long end) implements java.io.Serializable {}

  /** Parses split {@code split} again from a known record start. */
  public interface Reprobe {
    long firstStartAtOrAfter(int split, long from, long target);
  }

  /** Probes one split: {@code knownStart} for the first split, else a guess from {@code begin}. */
  public static Probe probe(RecordBoundaries parser, long begin, long end, long knownStart) {
    long start = knownStart >= 0 ? knownStart : parser.firstCandidateAtOrAfter(begin);
    return new Probe(start, start >= end ? start : parser.firstStartAtOrAfter(start, end));
  }

  /**
   * The confirmed record start of every split, plus the end of the last:
   * split k reads the records starting in {@code [starts[k], starts[k+1])}.
   */
  public static long[] resolve(long[] bounds, long firstRecordStart, Probe[] probes, Reprobe reprobe) {
    int m = probes.length;
    if (bounds.length != m + 1) {
      throw new IllegalArgumentException("need one probe per split");
    }
    long[] starts = new long[m + 1];
    starts[0] = firstRecordStart;
    for (int k = 0; k < m; k++) {
      long s = starts[k];
      long next;
      if (s >= bounds[k + 1]) {
        next = s; // a record longer than this split began before it
      } else if (probes[k].start() == s) {
        next = probes[k].end();
      } else {
        next = reprobe.firstStartAtOrAfter(k, s, bounds[k + 1]);
      }
      starts[k + 1] = next;
    }
    return starts;
  }

  /** Byte ranges of about {@code splitBytes} covering {@code length} bytes. */
  public static long[] bounds(long length, long splitBytes) {
    int m = (int) Math.max(1, (length + splitBytes - 1) / splitBytes);
    long[] b = new long[m + 1];
    for (int k = 0; k <= m; k++) {
      b[k] = Math.min(length, k * splitBytes);
    }
    b[m] = length;
    return b;
  }
}
