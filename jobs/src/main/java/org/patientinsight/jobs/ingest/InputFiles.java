package org.patientinsight.jobs.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.patientinsight.jobs.run.JobFailure;

/**
 * Resolves an input URI (a file, a directory or a glob; local or s3a://) to the files to read,
 * with clear errors for what is missing.
 */
public final class InputFiles {
  private final Configuration hadoopConf;

  public InputFiles(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /**
   * The data files under the URI, sorted by path: a directory is read recursively (date-
   * partitioned drops such as raw/2026/01/02/), skipping files and directories whose names
   * start with _ or . (markers such as _SUCCESS, hidden and temporary files).
   */
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
          addFilesUnder(fs, st.getPath(), files);
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

  private static void addFilesUnder(FileSystem fs, Path dir, List<String> files) throws IOException {
    for (FileStatus child : fs.listStatus(dir)) {
      if (!visible(child.getPath())) {
        continue;
      }
      if (child.isDirectory()) {
        addFilesUnder(fs, child.getPath(), files);
      } else {
        files.add(child.getPath().toString());
      }
    }
  }

  /** A file's location for the run summary: its URI without any user-info (credentials). */
  public static String forSummary(String file) {
    try {
      java.net.URI u = new java.net.URI(file);
      if (u.getRawUserInfo() == null) {
        return file;
      }
      return new java.net.URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), u.getFragment())
          .toString();
    } catch (java.net.URISyntaxException e) {
      return file.replaceAll("//[^/@]*@", "//");
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
