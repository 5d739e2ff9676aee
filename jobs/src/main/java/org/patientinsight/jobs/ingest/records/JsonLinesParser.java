package org.patientinsight.jobs.ingest.records;

import java.util.List;

/**
 * The records of a JSON-lines file: one JSON object per line, blank lines skipped. A line
 * break cannot occur inside a JSON string, so every line start is a record start and a split
 * needs no guessing.
 */
public final class JsonLinesParser implements RecordReader {
  private final ByteWindow in;
  private final List<String> columns;

  public JsonLinesParser(ByteWindow in, List<String> columns) {
    this.in = in;
    this.columns = columns;
  }

  @Override
  public RawRecord next(long start, long[] next) {
    long s = skipBlank(start);
    if (in.at(s) < 0) {
      next[0] = s;
      return null;
    }
    in.release(s);
    long e = s;
    int c;
    while ((c = in.at(e)) >= 0 && c != '\n' && c != '\r') {
      e++;
    }
    byte[] bytes = new byte[(int) (e - s)];
    in.copy(s, e, bytes, 0);
    next[0] = skipBlank(e);
    return JsonFields.record(s, bytes, columns);
  }

  @Override
  public long firstCandidateAtOrAfter(long pos) {
    long i = pos;
    if (pos > 0 && in.at(pos - 1) != '\n' && in.at(pos - 1) != '\r') {
      int c;
      while ((c = in.at(i)) >= 0 && c != '\n' && c != '\r') {
        i++;
      }
    }
    return skipBlank(i);
  }

  @Override
  public long firstStartAtOrAfter(long from, long target) {
    long p = from;
    while (p < target && in.at(p) >= 0) {
      in.release(p);
      int c;
      while ((c = in.at(p)) >= 0 && c != '\n' && c != '\r') {
        p++;
      }
      p = skipBlank(p);
    }
    return p;
  }

  private long skipBlank(long p) {
    long i = p;
    int c;
    while ((c = in.at(i)) == '\n' || c == '\r' || c == ' ' || c == '\t') {
      i++;
    }
    return i;
  }
}
