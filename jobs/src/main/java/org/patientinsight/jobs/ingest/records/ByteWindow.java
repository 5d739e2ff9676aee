package org.patientinsight.jobs.ingest.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Random access by absolute file offset over a forward-only stream that starts at some offset
 * (a ranged read of a local file or an S3 object). Bytes before {@link #release(long)} may be
 * dropped; everything after stays available, so the parser can look ahead across line ends
 * and come back.
 */
public final class ByteWindow implements AutoCloseable {
  private static final int CHUNK = 1 << 20;
  private final InputStream in;
  private byte[] buf;
  private long base;
  private int len;
  private long keepFrom;
  private boolean eof;

  /** {@code in} must be positioned at {@code start}. */
  public ByteWindow(InputStream in, long start) {
    this(in, start, CHUNK);
  }

  /** With a first buffer of {@code chunk} bytes (it grows as records need). */
  public ByteWindow(InputStream in, long start, int chunk) {
    this.in = in;
    this.buf = new byte[chunk];
    this.base = start;
    this.keepFrom = start;
  }

  /** The byte at {@code pos} (0–255), or -1 at end of input. */
  public int at(long pos) {
    long i = pos - base;
    if (i >= 0 && i < len) {
      return buf[(int) i] & 0xff;
    }
    return slowAt(pos);
  }

  private int slowAt(long pos) {
    if (pos < base) {
      throw new IllegalStateException("offset " + pos + " was released (window starts at " + base + ")");
    }
    while (pos - base >= len && !eof) {
      fill();
    }
    return pos - base < len ? buf[(int) (pos - base)] & 0xff : -1;
  }

  /** Bytes before {@code pos} are no longer needed. */
  public void release(long pos) {
    keepFrom = Math.max(keepFrom, pos);
  }

  /** Copies bytes [from, to) into {@code dst} at {@code off}; all must be in the window. */
  public void copy(long from, long to, byte[] dst, int off) {
    if (to > from) {
      at(to - 1);
      System.arraycopy(buf, (int) (from - base), dst, off, (int) (to - from));
    }
  }

  /** The backing array and the index of {@code pos} in it (valid until the next read). */
  byte[] array() {
    return buf;
  }

  int index(long pos) {
    at(pos);
    return (int) (pos - base);
  }

  private void fill() {
    if (len == buf.length) {
      int drop = (int) Math.min(len, keepFrom - base);
      if (drop > buf.length / 2) {
        System.arraycopy(buf, drop, buf, 0, len - drop);
        len -= drop;
        base += drop;
      } else {
        byte[] bigger = new byte[buf.length * 2];
        System.arraycopy(buf, drop, bigger, 0, len - drop);
        len -= drop;
        base += drop;
        buf = bigger;
      }
    }
    try {
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        eof = true;
      } else {
        len += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
