package org.patientinsight.quality.drift;

import org.patientinsight.core.config.WarehouseLayout;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Baselines as JSON files {@code <root>/<name>/v<N>.json}, normally with root
 * {@code <warehouse>/drift/baselines}. Uses the Hadoop FileSystem API so the same code works on
 * a local warehouse and on {@code s3a://}. Files are never overwritten: saving writes the next
 * version, and a concurrent writer that took the same number makes the save fail loudly.
 */
public final class BaselineStore {
  private static final Pattern FILE = Pattern.compile("v(\\d+)\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path root;

  public BaselineStore(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
  }

  /** The store under {@code <warehouse>/drift/baselines}, e.g. with Spark's Hadoop configuration. */
  public static BaselineStore forWarehouse(WarehouseLayout warehouse, Configuration conf) {
    Path root = new Path(warehouse.driftBaselines());
    try {
      return new BaselineStore(root.getFileSystem(conf), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open baseline store at " + root + ": " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  public Path pathOf(String name, int version) {
    return new Path(new Path(root, Baseline.checkName(name)), "v" + version + ".json");
  }

  /** Stored versions of a baseline, ascending; empty when there is none. */
  public List<Integer> versions(String name) {
    Path dir = new Path(root, Baseline.checkName(name));
    List<Integer> out = new ArrayList<>();
    try {
      if (!fs.exists(dir)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(dir)) {
        Matcher m = FILE.matcher(st.getPath().getName());
        if (st.isFile() && m.matches()) {
          out.add(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list baselines in " + dir + ": " + e.getMessage(), e);
    }
    Collections.sort(out);
    return out;
  }

  public Optional<Baseline> latest(String name) {
    List<Integer> v = versions(name);
    return v.isEmpty() ? Optional.empty() : Optional.of(load(name, v.get(v.size() - 1)));
  }

  public Baseline load(String name, int version) {
    Path p = pathOf(name, version);
    try (InputStream in = fs.open(p)) {
      Baseline b = Baseline.fromJson(JSON.readTree(in));
      if (!b.name().equals(name) || b.version() != version) {
        throw new IllegalStateException("baseline file " + p + " holds " + b.ref() + ", not " + name + "@v" + version);
      }
      return b;
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("baseline " + name + "@v" + version + " not found at " + p
          + "; stored versions: " + versions(name), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read baseline " + p + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("baseline file " + p + " is malformed: " + e.getMessage(), e);
    }
  }

  /** Stores the histograms as the next version of {@code name} and returns it. */
  public Baseline save(String name, String sourceTable, long sourceVersion, AgeHistograms histograms) {
    List<Integer> v = versions(name);
    int next = v.isEmpty() ? 1 : v.get(v.size() - 1) + 1;
    Baseline b = new Baseline(name, next, Instant.now(), sourceTable, sourceVersion, histograms);
    Path p = pathOf(name, next);
    byte[] bytes;
    try {
      bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(b.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (OutputStream out = fs.create(p, false)) {
      out.write(bytes);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("baseline " + b.ref() + " was written concurrently at " + p + "; retry", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write baseline " + p + ": " + e.getMessage(), e);
    }
    return b;
  }
}
