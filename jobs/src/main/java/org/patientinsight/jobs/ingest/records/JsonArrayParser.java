package org.patientinsight.jobs.ingest.records;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The records of a file that is one JSON array of objects (the PMC-Patients JSON release),
 * pretty-printed or on one line, on bytes, from any record start. A record is one top-level
 * element; its fields are the object's members named by {@code columns}: a string as it is,
 * a number, nested array (the age) or object (the relevance dicts) as its compact JSON text,
 * null or absent as null. An element that is not a JSON object is a broken record with its
 * raw text; after malformed structure the reader re-synchronises at the next object that is
 * a whole element of the array.
 */
public final class JsonArrayParser implements RecordReader {
  private final ByteWindow in;
  private final List<String> columns;
  private final int maxRecordBytes;
  private long valueEnd;
  private long elementEnd;

  public JsonArrayParser(ByteWindow in, List<String> columns, int maxRecordBytes) {
    this.in = in;
    this.columns = columns;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** True when the file's first non-blank byte (after a BOM) opens an array. */
  public static boolean isArray(ByteWindow w) {
    long p = skipSpace(w, CsvRecordParser.skipBom(w, 0));
    return w.at(p) == '[';
  }

  /** The first record start of the array file; fails when the file is not an array. */
  public long firstRecordStart() {
    long p = skipSpace(in, CsvRecordParser.skipBom(in, 0));
    if (in.at(p) != '[') {
      throw new IllegalArgumentException("not a JSON array");
    }
    return afterSeparator(skipSpace(in, p + 1));
  }

  @Override
  public RawRecord next(long start, long[] next) {
    if (in.at(start) < 0) {
      next[0] = start;
      return null;
    }
    in.release(start);
    boolean object = advance(start, next);
    int len = (int) (elementEnd - start);
    byte[] bytes = new byte[len];
    in.copy(start, elementEnd, bytes, 0);
    if (object) {
      return JsonFields.record(start, bytes, columns);
    }
    return new RawRecord(start, new String[columns.size()], new String(bytes, StandardCharsets.UTF_8), null);
  }

  /**
   * Finds the element at {@code start}: sets {@link #elementEnd} and {@code next[0]}; true when
   * it is an object whose braces balance. An object that does not close may have swallowed the
   * elements after it, so the search for the next one starts just after its first byte.
   */
  private boolean advance(long start, long[] next) {
    boolean isObject = in.at(start) == '{';
    if (scanValue(start) && isObject) {
      elementEnd = valueEnd;
      next[0] = afterElement(valueEnd);
      return true;
    }
    if (isObject) {
      next[0] = firstGoodObjectFrom(start + 1);
      elementEnd = trimBack(start, next[0]);
    } else {
      elementEnd = valueEnd;
      next[0] = firstGoodObjectFrom(valueEnd);
    }
    return false;
  }

  private long trimBack(long start, long end) {
    long e = end;
    boolean separator = false;
    while (e > start) {
      int c = in.at(e - 1);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        e--;
      } else if (!separator && (c == ',' || c == ']')) {
        separator = true;
        e--;
      } else {
        break;
      }
    }
    return e;
  }

  @Override
  public long firstStartAtOrAfter(long from, long target) {
    long[] next = {from};
    while (next[0] < target && in.at(next[0]) >= 0) {
      in.release(next[0]);
      advance(next[0], next);
    }
    return next[0];
  }

  @Override
  public long firstCandidateAtOrAfter(long pos) {
    return firstGoodObjectFrom(pos);
  }

  /**
   * The first '{' from {@code pos} on that follows a ',' or '[' and is a whole array element:
   * its braces balance and a ',' or ']' follows. The end of input when there is none.
   */
  private long firstGoodObjectFrom(long pos) {
    long i = pos;
    while (true) {
      int c = in.at(i);
      if (c < 0) {
        return i;
      }
      if (c == ',' || c == '[') {
        long q = skipSpace(in, i + 1);
        if (in.at(q) == '{' && scanValue(q)) {
          int after = in.at(skipSpace(in, valueEnd));
          if (after == ',' || after == ']') {
            return q;
          }
        }
      }
      i++;
    }
  }

  /** After an element ending at {@code end}: the next element's start, or the end of input. */
  private long afterElement(long end) {
    long p = skipSpace(in, end);
    int c = in.at(p);
    if (c == ',') {
      return afterSeparator(skipSpace(in, p + 1));
    }
    if (c == ']' || c < 0) {
      return endOfInput(p);
    }
    return firstGoodObjectFrom(p); // two elements without a comma: re-synchronise
  }

  private long afterSeparator(long p) {
    return in.at(p) == ']' ? endOfInput(p) : p;
  }

  private long endOfInput(long p) {
    long i = p;
    while (in.at(i) >= 0) {
      i++;
    }
    return i;
  }

  /**
   * Scans one JSON value from {@code start}; sets {@link #valueEnd}. True when an object's
   * braces balance (strings and escapes respected); false for anything else, with valueEnd at
   * the next ',' or ']' outside strings and brackets (or where the scan gave up).
   */
  private boolean scanValue(long start) {
    long limit = start + maxRecordBytes;
    int depth = 0;
    boolean inString = false;
    long i = start;
    boolean object = in.at(start) == '{';
    while (true) {
      int c = in.at(i);
      if (c < 0 || i > limit) {
        valueEnd = i;
        return false;
      }
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          valueEnd = i; // a ']' closing the array: the value ended before it
          return false;
        }
        depth--;
        if (depth == 0) {
          valueEnd = i + 1;
          return object;
        }
      } else if (c == ',' && depth == 0) {
        valueEnd = i;
        return false;
      }
      i++;
    }
  }

  private static long skipSpace(ByteWindow w, long p) {
    long i = p;
    int c;
    while ((c = w.at(i)) == ' ' || c == '\n' || c == '\r' || c == '\t') {
      i++;
    }
    return i;
  }
}
