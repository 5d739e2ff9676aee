package org.patientinsight.jobs.ingest;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.patientinsight.jobs.run.JobFailure;

/**
 * Resolves an input URI (a file, a directory or a glob; local or s3a://) to the files to read,
 * with clear errors for what is missing, and reads a CSV file's header line.
 */
public final class InputFiles {
  private final Configuration hadoopConf;

  public InputFiles(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /** The data files under the URI, sorted by path, hidden files (_ or .) skipped. */
  public List<String> resolve(String uri) {
    Path path = new Path(uri);
    try {
      FileSystem fs = path.getFileSystem(hadoopConf);
      FileStatus[] matched = fs.globStatus(path);
      if (matched == null || matched.length == 0) {
        throw new JobFailure("input not found: " + uri);
      }
      List<String> files = new ArrayList<>();
      for (FileStatus st : matched) {
        if (st.isDirectory()) {
          for (FileStatus child : fs.listStatus(st.getPath())) {
            if (child.isFile() && visible(child.getPath())) {
              files.add(child.getPath().toString());
            }
          }
        } else if (visible(st.getPath())) {
          files.add(st.getPath().toString());
        }
      }
      if (files.isEmpty()) {
        throw new JobFailure("input has no data files: " + uri);
      }
      files.sort(Comparator.naturalOrder());
      return files;
    } catch (FileNotFoundException e) {
      throw new JobFailure("input not found: " + uri);
    } catch (IOException e) {
      throw new JobFailure(explain(uri, e), e);
    } catch (RuntimeException e) {
      if (e instanceof JobFailure) {
        throw e;
      }
      throw new JobFailure(explain(uri, e), e);
    }
  }

  /** A short, actionable line for the usual object-store failures. */
  static String explain(String uri, Exception e) {
    String m = firstLine(e);
    if (m.contains("NoSuchBucket") || m.contains("bucket does not exist")) {
      return "input not found: the bucket of " + uri + " does not exist";
    }
    if (m.contains("403") || m.contains("AccessDenied") || m.contains("Forbidden")
        || m.contains("SignatureDoesNotMatch") || m.contains("InvalidAccessKeyId")) {
      return "access denied reading " + uri + " (check the S3 credentials and permissions)";
    }
    return "cannot read input " + uri + ": " + m;
  }

  /** The format all files share, from --format or their extensions. */
  public static InputFormat formatOf(List<String> files, String explicitFormat) {
    if (explicitFormat != null && !explicitFormat.isBlank()) {
      return InputFormat.parse(explicitFormat);
    }
    InputFormat found = null;
    for (String f : files) {
      InputFormat fmt = InputFormat.fromFileName(new Path(f).getName());
      if (fmt == null) {
        throw new JobFailure("cannot tell the format of " + f
            + " from its extension (.csv, .json, .jsonl); pass --format csv|jsonl");
      }
      if (found != null && found != fmt) {
        throw new JobFailure("input mixes CSV and JSON files; ingest them separately");
      }
      found = fmt;
    }
    return found;
  }

  /** The header columns of a CSV file (BOM and surrounding quotes removed). */
  public List<String> csvHeader(String file) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(hadoopConf);
      CompressionCodec codec = new CompressionCodecFactory(hadoopConf).getCodec(path);
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          codec == null ? fs.open(path) : codec.createInputStream(fs.open(path)),
          StandardCharsets.UTF_8))) {
        String line = r.readLine();
        if (line == null) {
          return List.of();
        }
        if (line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        List<String> cols = new ArrayList<>();
        for (String c : line.split(",", -1)) {
          String t = c.strip();
          if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
          }
          cols.add(t);
        }
        return cols;
      }
    } catch (IOException e) {
      throw new JobFailure("cannot read the header of " + file + ": " + firstLine(e), e);
    }
  }

  private static boolean visible(Path p) {
    String n = p.getName();
    return !n.startsWith("_") && !n.startsWith(".");
  }

  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  static List<String> missing(List<String> header) {
    List<String> missing = new ArrayList<>(RawColumns.ALL);
    missing.removeAll(header);
    return missing;
  }

  static String describe(List<String> cols) {
    return Arrays.toString(cols.toArray());
  }
}
