package org.patientinsight.jobs.drift;

import org.patientinsight.core.config.WarehouseLayout;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Embedding baselines under {@code <warehouse>/drift/embedding-baselines/<name>/v<N>/}: the
 * sampled vectors ({@code sample/}, Parquet), the KMeans model ({@code kmeans/}, MLlib's own
 * format) and {@code baseline.json}, written last and never overwritten — a version exists once
 * its JSON does, so a save that died half-way leaves no half baseline. Hadoop FileSystem API,
 * so the same code runs on a local warehouse and on s3a://.
 */
public final class EmbeddingBaselineStore {
  private static final Pattern DIR = Pattern.compile("v(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileSystem fs;
  private final Path root;

  EmbeddingBaselineStore(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
  }

  public static EmbeddingBaselineStore forWarehouse(WarehouseLayout warehouse, Configuration conf) {
    Path root = new Path(warehouse.embeddingBaselines());
    try {
      return new EmbeddingBaselineStore(root.getFileSystem(conf), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open embedding baseline store at " + root + ": " + e.getMessage(), e);
    }
  }

  Path dir(String name, int version) {
    return new Path(new Path(root, checkName(name)), "v" + version);
  }

  private static String checkName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
      throw new IllegalArgumentException("baseline name must be 1-64 letters, digits, '_' or '-', got '" + name + "'");
    }
    return name;
  }

  /** Complete versions (with a baseline.json), ascending. */
  public List<Integer> versions(String name) {
    Path d = new Path(root, checkName(name));
    List<Integer> out = new ArrayList<>();
    try {
      if (!fs.exists(d)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(d)) {
        Matcher m = DIR.matcher(st.getPath().getName());
        if (st.isDirectory() && m.matches() && fs.exists(new Path(st.getPath(), "baseline.json"))) {
          out.add(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list embedding baselines in " + d + ": " + e.getMessage(), e);
    }
    Collections.sort(out);
    return out;
  }

  /** The next free version number (also past directories of saves that never finished). */
  int nextVersion(String name) {
    Path d = new Path(root, checkName(name));
    int max = 0;
    try {
      if (fs.exists(d)) {
        for (FileStatus st : fs.listStatus(d)) {
          Matcher m = DIR.matcher(st.getPath().getName());
          if (m.matches()) {
            max = Math.max(max, Integer.parseInt(m.group(1)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return max + 1;
  }

  public Optional<EmbeddingBaseline> latest(String name) {
    List<Integer> v = versions(name);
    return v.isEmpty() ? Optional.empty() : Optional.of(load(name, v.get(v.size() - 1)));
  }

  public EmbeddingBaseline load(String name, int version) {
    Path p = new Path(dir(name, version), "baseline.json");
    try (InputStream in = fs.open(p)) {
      return EmbeddingBaseline.fromJson(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read embedding baseline " + p + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("embedding baseline file " + p + " is malformed: " + e.getMessage(), e);
    }
  }

  public Dataset<Row> sample(SparkSession spark, EmbeddingBaseline b) {
    return spark.read().parquet(new Path(dir(b.name(), b.version()), "sample").toString());
  }

  public KMeansModel model(EmbeddingBaseline b) {
    return KMeansModel.load(new Path(dir(b.name(), b.version()), "kmeans").toString());
  }

  /** Writes sample and model into {@code v<version>/}, then the JSON that makes the version exist. */
  void save(EmbeddingBaseline b, Dataset<Row> sample, KMeansModel model) {
    Path d = dir(b.name(), b.version());
    sample.write().mode("errorifexists").parquet(new Path(d, "sample").toString());
    try {
      model.write().save(new Path(d, "kmeans").toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the KMeans model of " + b.ref() + ": " + e.getMessage(), e);
    }
    Path json = new Path(d, "baseline.json");
    try (OutputStream out = fs.create(json, false)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(b.toJson()));
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("embedding baseline " + b.ref() + " was written concurrently; retry", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
    }
  }
}
