package org.patientinsight.jobs.ingest.records;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV grammar ingest reads (RFC 4180: comma-separated, fields optionally in double quotes,
 * a quote inside a quoted field doubled, CR, LF and CRLF inside quotes kept as they are,
 * records ended by CR, LF or CRLF, blank lines between records skipped), on bytes, from any
 * record start. This class is the one definition of "the records of a file"; the sequential
 * read and every split of a parallel read use it, which is what makes them agree.
 *
 * <p>A record is <em>good</em> when it has exactly the header's number of fields and every
 * quote is where the grammar allows one. Anything else is a broken record. A record whose
 * quotes are fine but whose field count is wrong ends where it ends. A record with a quote out
 * of place cannot be trusted to end there, so its extent is decided by re-synchronising: it
 * runs up to the next line start at which a good record begins. So one stray quote in a note
 * costs exactly that one record (kept whole as raw text), not one junk row per line of the
 * note. (A line inside a broken note that is itself a good record would be taken as one.)
 */
public final class CsvRecordParser implements RecordReader {
  private static final int QUOTE = '"';
  private static final int COMMA = ',';
  private static final int CR = '\r';
  private static final int LF = '\n';

  private final ByteWindow in;
  private final int fieldCount;
  private final int maxRecordBytes;
  private final long[] fieldStart;
  private final long[] fieldEnd;
  private final boolean[] fieldEscaped;
  private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] scratch = new byte[256];

  // results of the last lex()
  private int lexFields;
  private boolean lexMalformed;
  private long lexEnd;

  /** @param fieldCount the header's number of fields; @param maxRecordBytes longer records are broken */
  public CsvRecordParser(ByteWindow in, int fieldCount, int maxRecordBytes) {
    this.in = in;
    this.fieldCount = fieldCount;
    this.maxRecordBytes = maxRecordBytes;
    this.fieldStart = new long[fieldCount];
    this.fieldEnd = new long[fieldCount];
    this.fieldEscaped = new boolean[fieldCount];
  }

  /** Offset of the first byte after a UTF-8 byte-order mark at {@code start}, if any. */
  public static long skipBom(ByteWindow w, long start) {
    return w.at(start) == 0xEF && w.at(start + 1) == 0xBB && w.at(start + 2) == 0xBF ? start + 3 : start;
  }

  /**
   * The header record at {@code start} (after any BOM): its column names, and in {@code end[0]}
   * the offset of the first record after it. Null when the file has no header line.
   */
  public static List<String> header(ByteWindow w, long start, long[] end) {
    CsvRecordParser p = new CsvRecordParser(w, 4096, 1 << 20);
    long s = skipBom(w, start);
    if (w.at(s) < 0) {
      end[0] = s;
      return null;
    }
    p.lex(s);
    if (p.lexMalformed || p.lexFields > 4096) {
      throw new IllegalArgumentException("the header line is not valid CSV");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < p.lexFields; i++) {
      String v = p.decode(i);
      names.add(v == null ? "" : v.strip());
    }
    end[0] = p.skipBlankLines(p.lexEnd);
    return names;
  }

  /**
   * The record starting at {@code start} (a record start, as returned in {@code next[0]} by the
   * previous call, or by {@link #firstStartAtOrAfter}); null at end of input. {@code next[0]}
   * receives the start of the following record.
   */
  @Override
  public RawRecord next(long start, long[] next) {
    if (in.at(start) < 0) {
      next[0] = start;
      return null;
    }
    in.release(start);
    boolean good = lex(start);
    String[] fields = new String[fieldCount];
    int[] badEncoding = decodeAll(fields);
    if (good) {
      next[0] = skipBlankLines(lexEnd);
      return new RawRecord(start, fields, null, badEncoding);
    }
    long resume = lexMalformed
        ? firstGoodLineFrom(nextLineStart(start), false) // keep the broken bytes
        : skipBlankLines(lexEnd);
    next[0] = resume;
    return new RawRecord(start, fields, rawText(start, trimLineEnds(start, resume)), null);
  }

  /**
   * Start of the first record at or after {@code target}, parsing from the record start
   * {@code from} (without building the records).
   */
  @Override
  public long firstStartAtOrAfter(long from, long target) {
    long p = from;
    while (p < target && in.at(p) >= 0) {
      in.release(p);
      p = lex(p) || !lexMalformed ? skipBlankLines(lexEnd) : firstGoodLineFrom(nextLineStart(p), true);
    }
    return p;
  }

  /**
   * A guess at the first record start at or after {@code pos} when nothing before it is known:
   * the first line start there at which a good record begins. Exact unless a quoted field
   * happens to contain a line that is itself a good record; callers check it (see
   * {@link SplitStarts}).
   */
  @Override
  public long firstCandidateAtOrAfter(long pos) {
    long q = isLineStart(pos) ? pos : nextLineStart(pos);
    return firstGoodLineFrom(q, true);
  }

  private boolean isLineStart(long pos) {
    if (pos == 0) {
      return true;
    }
    int prev = in.at(pos - 1);
    return prev == LF || prev == CR && in.at(pos) != LF;
  }

  /** Re-synchronising: the first line start from {@code q} on at which a good record begins. */
  private long firstGoodLineFrom(long q, boolean release) {
    while (in.at(q) >= 0) {
      if (release) {
        in.release(q);
      }
      if (lex(q)) {
        return q;
      }
      q = nextLineStart(q);
    }
    return q;
  }

  /** The first line start after {@code pos} (or the end of input). */
  private long nextLineStart(long pos) {
    long i = pos;
    while (true) {
      int c = in.at(i);
      if (c < 0) {
        return i;
      }
      if (c == LF) {
        return i + 1;
      }
      if (c == CR) {
        return in.at(i + 1) == LF ? i + 2 : i + 1;
      }
      i++;
    }
  }

  private long skipBlankLines(long pos) {
    long i = pos;
    int c;
    while ((c = in.at(i)) == LF || c == CR) {
      i++;
    }
    return i;
  }

  private long trimLineEnds(long start, long end) {
    long e = end;
    while (e > start && (in.at(e - 1) == LF || in.at(e - 1) == CR)) {
      e--;
    }
    return e;
  }

  /** Lexes one record at {@code start}; true when it is good. */
  private boolean lex(long start) {
    long limit = start + maxRecordBytes;
    long pos = start;
    int n = 0;
    boolean malformed = false;
    while (true) {
      int c = in.at(pos);
      long fs;
      long fe;
      boolean escaped = false;
      if (c == QUOTE) {
        pos++;
        fs = pos;
        while (true) {
          c = in.at(pos);
          if (c == QUOTE) {
            int d = in.at(pos + 1);
            if (d == QUOTE) {
              escaped = true;
              pos += 2;
              continue;
            }
            if (d == COMMA || d == CR || d == LF || d < 0) {
              fe = pos;
              pos++;
              break;
            }
            malformed = true; // a quote that neither closes the field nor is doubled
            pos++;
          } else if (c < 0) {
            malformed = true; // the quoted field never closes
            fe = pos;
            break;
          } else {
            pos++;
          }
          if (pos > limit) {
            return tooLong(pos, n);
          }
        }
      } else {
        fs = pos;
        while (c != COMMA && c != CR && c != LF && c >= 0) {
          if (c == QUOTE) {
            malformed = true; // quotes belong at the start of a field only
          }
          c = in.at(++pos);
          if (pos > limit) {
            return tooLong(pos, n);
          }
        }
        fe = pos;
      }
      if (n < fieldCount) {
        fieldStart[n] = fs;
        fieldEnd[n] = fe;
        fieldEscaped[n] = escaped;
      }
      n++;
      c = in.at(pos);
      if (c == COMMA) {
        pos++;
        continue;
      }
      if (c == CR) {
        pos = in.at(pos + 1) == LF ? pos + 2 : pos + 1;
      } else if (c == LF) {
        pos++;
      }
      lexFields = n;
      lexMalformed = malformed;
      lexEnd = pos;
      return !malformed && n == fieldCount;
    }
  }

  private boolean tooLong(long pos, int n) {
    lexFields = n;
    lexMalformed = true;
    lexEnd = pos;
    return false;
  }

  private int[] decodeAll(String[] out) {
    int[] bad = null;
    int k = Math.min(lexFields, fieldCount);
    for (int i = 0; i < k; i++) {
      String v = decode(i);
      if (v != null && v.indexOf('\uFFFD') >= 0 && !validUtf8(i)) {
        bad = bad == null ? new int[] {i} : append(bad, i);
      }
      out[i] = v;
    }
    return bad;
  }

  private static int[] append(int[] a, int v) {
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }

  private String decode(int i) {
    long s = fieldStart[i];
    long e = fieldEnd[i];
    if (e <= s) {
      return null;
    }
    int len = fieldBytes(i);
    return new String(scratch, 0, len, StandardCharsets.UTF_8);
  }

  /** Copies field i's bytes (doubled quotes undone) into scratch; returns their count. */
  private int fieldBytes(int i) {
    long s = fieldStart[i];
    long e = fieldEnd[i];
    int len = (int) (e - s);
    if (scratch.length < len) {
      scratch = new byte[Math.max(len, scratch.length * 2)];
    }
    in.copy(s, e, scratch, 0);
    if (!fieldEscaped[i]) {
      return len;
    }
    int w = 0;
    for (int r = 0; r < len; r++) {
      byte b = scratch[r];
      scratch[w++] = b;
      if (b == QUOTE && r + 1 < len && scratch[r + 1] == QUOTE) {
        r++;
      }
    }
    return w;
  }

  private boolean validUtf8(int i) {
    int len = fieldBytes(i);
    try {
      strictUtf8.reset().decode(ByteBuffer.wrap(scratch, 0, len));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private String rawText(long from, long to) {
    int len = (int) Math.min(Integer.MAX_VALUE - 16, to - from);
    byte[] b = new byte[len];
    in.copy(from, from + len, b, 0);
    return new String(b, StandardCharsets.UTF_8);
  }
}
