package org.patientinsight.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.patientinsight.jobs.ingest.records.ByteWindow;

/**
 * One input file as the split reader sees it: where it is, its size, whether it is gzip
 * (recognised by its magic bytes, whatever its name), and how to open a window on it at an
 * offset — a ranged read on the Hadoop FileSystem (local, s3a://, …); a gzip stream cannot
 * seek, so it is read whole by one task.
 */
record InputFile(int index, String path, String sourceUri, long length, boolean gzip) implements Serializable {
  static InputFile open(int index, String file, Configuration conf) throws IOException {
    Path p = new Path(file);
    FileSystem fs = p.getFileSystem(conf);
    long length = fs.getFileStatus(p).getLen();
    boolean gzip = false;
    if (length >= 2) {
      try (FSDataInputStream in = fs.open(p)) {
        gzip = in.read() == 0x1f && in.read() == 0x8b;
      }
    }
    return new InputFile(index, file, fs.makeQualified(p).toUri().toString(), length, gzip);
  }

  /** A window whose first byte is the one at {@code offset} (decompressed offsets for gzip). */
  ByteWindow window(long offset, Configuration conf) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    FSDataInputStream raw = fs.open(p);
    if (gzip) {
      InputStream in = new GZIPInputStream(raw, 1 << 16);
      in.skipNBytes(offset);
      return new ByteWindow(in, offset);
    }
    if (offset > 0) {
      raw.seek(offset);
    }
    return new ByteWindow(raw, offset);
  }

  /** Input order across files: file index, then byte offset (for "last row wins"). */
  long seq(long offset) {
    return ((long) index << 40) | offset;
  }
}
