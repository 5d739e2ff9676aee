package org.patientinsight.jobs.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.patientinsight.jobs.ingest.records.ByteWindow;
import org.patientinsight.jobs.ingest.records.RawRecord;
import org.patientinsight.jobs.ingest.records.CsvRecordParser;
import org.patientinsight.jobs.ingest.records.JsonArrayParser;
import org.patientinsight.jobs.ingest.records.JsonLinesParser;
import org.patientinsight.jobs.ingest.records.RecordReader;
import org.patientinsight.jobs.ingest.records.SplitStarts;
import org.patientinsight.jobs.run.JobFailure;

/**
 * Reads raw files in parallel, a big file in many byte-range splits, and yields exactly the
 * records its layout's reader ({@link CsvRecordParser}, {@link JsonArrayParser},
 * {@link JsonLinesParser}) finds reading each file from start to end. Two Spark jobs:
 * the first probes every split for its first record start ({@link SplitStarts}), the driver
 * confirms the starts in order (re-parsing a split only where a guess was wrong), and the
 * second parses each split's records. Rows come in the raw-row shape ({@link RawColumns}).
 */
final class SplitFileReader {
  /** Longer records are broken records (a quoted field that never closes, mostly). */
  static final int MAX_RECORD_BYTES = 32 << 20;

  private final SparkSession spark;
  private final long splitBytes;

  /** @param splitBytes split size; 0 picks one from the input size and the cores */
  SplitFileReader(SparkSession spark, long splitBytes) {
    this.spark = spark;
    this.splitBytes = splitBytes;
  }

  /** How a file's records are laid out. */
  enum Layout { CSV, JSON_ARRAY, JSON_LINES }

  /** One split of one file and what is known of it. */
  record Split(InputFile file, Layout layout, int k, long begin, long end, long knownStart, int[] columns)
      implements Serializable {}

  /** CSV files: each must have the PMC-Patients header; columns are mapped by name. */
  Dataset<Row> readCsv(List<String> paths) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<InputFile> files = new ArrayList<>();
    List<Long> firstStarts = new ArrayList<>();
    List<String> header = null;
    for (String path : paths) {
      InputFile f;
      long[] end = new long[1];
      List<String> h;
      try {
        f = InputFile.open(files.size(), path, conf);
        try (ByteWindow w = f.window(0, conf)) {
          h = CsvRecordParser.header(w, 0, end);
        }
      } catch (IOException | UncheckedIOException e) {
        throw new JobFailure("cannot read the header of " + path + ": " + InputFiles.firstLine(e), e);
      } catch (IllegalArgumentException e) {
        throw new JobFailure("cannot read the header of " + path + ": " + e.getMessage());
      }
      checkHeader(path, h);
      if (header == null) {
        header = h;
      } else if (!header.equals(h)) {
        throw new JobFailure("CSV files disagree on the header: " + paths.get(0) + " vs " + path);
      }
      files.add(f);
      firstStarts.add(end[0]);
    }
    int[] columns = new int[RawColumns.ALL.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = header.indexOf(RawColumns.ALL.get(i));
    }
    return read(files, firstStarts, Layout.CSV, header.size(), columns);
  }

  /** JSON files: an array of objects, or JSON lines, decided per file by its first byte. */
  Dataset<Row> readJson(List<String> paths) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<InputFile> files = new ArrayList<>();
    List<Long> firstStarts = new ArrayList<>();
    List<Layout> layouts = new ArrayList<>();
    for (String path : paths) {
      try {
        InputFile f = InputFile.open(files.size(), path, conf);
        try (ByteWindow w = f.window(0, conf)) {
          boolean array = JsonArrayParser.isArray(w);
          layouts.add(array ? Layout.JSON_ARRAY : Layout.JSON_LINES);
          firstStarts.add(array ? new JsonArrayParser(w, RawColumns.ALL, MAX_RECORD_BYTES).firstRecordStart() : 0L);
        }
        files.add(f);
      } catch (IOException | UncheckedIOException e) {
        throw new JobFailure("cannot read " + path + ": " + InputFiles.firstLine(e), e);
      }
    }
    int[] identity = new int[RawColumns.ALL.size()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    return read(files, firstStarts, layouts, RawColumns.ALL.size(), identity);
  }

  private Dataset<Row> read(List<InputFile> files, List<Long> firstStarts, Layout layout, int fieldCount,
      int[] columns) {
    List<Layout> layouts = new ArrayList<>();
    files.forEach(f -> layouts.add(layout));
    return read(files, firstStarts, layouts, fieldCount, columns);
  }

  private Dataset<Row> read(List<InputFile> files, List<Long> firstStarts, List<Layout> layouts, int fieldCount,
      int[] columns) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    long size = sizeOfSplits(files);
    List<Split> splits = new ArrayList<>();
    for (InputFile f : files) {
      long first = firstStarts.get(f.index());
      Layout layout = layouts.get(f.index());
      long[] b = f.gzip() ? new long[] {0, Long.MAX_VALUE} : SplitStarts.bounds(f.length(), size);
      for (int k = 0; k + 1 < b.length; k++) {
        splits.add(new Split(f, layout, k, b[k], b[k + 1], k == 0 ? first : -1, columns));
      }
    }

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> bconf = jsc.broadcast(new SerializableConfiguration(conf));
    List<SplitStarts.Probe> probes = jsc.parallelize(splits, splits.size())
        .map(s -> probe(s, fieldCount, bconf.value().value())).collect();

    List<Split> exact = new ArrayList<>();
    int at = 0;
    for (InputFile f : files) {
      int from = at;
      while (at < splits.size() && splits.get(at).file().index() == f.index()) {
        at++;
      }
      List<Split> mine = splits.subList(from, at);
      Layout layout = layouts.get(f.index());
      long[] bounds = new long[mine.size() + 1];
      SplitStarts.Probe[] fileProbes = new SplitStarts.Probe[mine.size()];
      for (int k = 0; k < mine.size(); k++) {
        bounds[k] = mine.get(k).begin();
        fileProbes[k] = probes.get(from + k);
      }
      bounds[mine.size()] = mine.get(mine.size() - 1).end();
      long[] starts = SplitStarts.resolve(bounds, firstStarts.get(f.index()), fileProbes,
          (k, start, target) -> reprobe(f, layout, start, target, fieldCount, conf));
      for (int k = 0; k < mine.size(); k++) {
        if (starts[k] < starts[k + 1]) {
          exact.add(new Split(f, layout, k, starts[k], starts[k + 1], starts[k], columns));
        }
      }
    }
    if (exact.isEmpty()) {
      exact.add(new Split(files.get(0), layouts.get(0), 0, 0, 0, 0, columns)); // no records: one empty split
    }
    JavaRDD<Row> rows = jsc.parallelize(exact, exact.size())
        .mapPartitions(it -> records(it, fieldCount, bconf.value().value()));
    return spark.createDataFrame(rows, RawColumns.READ_SCHEMA);
  }

  static RecordReader reader(Layout layout, ByteWindow w, int fieldCount) {
    return switch (layout) {
      case CSV -> new CsvRecordParser(w, fieldCount, MAX_RECORD_BYTES);
      case JSON_ARRAY -> new JsonArrayParser(w, RawColumns.ALL, MAX_RECORD_BYTES);
      case JSON_LINES -> new JsonLinesParser(w, RawColumns.ALL);
    };
  }

  private static void checkHeader(String path, List<String> h) {
    if (h == null || h.isEmpty() || h.size() == 1 && h.get(0).isEmpty()) {
      throw new JobFailure("input file is empty (no header line): " + path);
    }
    List<String> missing = InputFiles.missing(h);
    if (!missing.isEmpty()) {
      throw new JobFailure("wrong CSV header in " + path + ": missing column(s) "
          + String.join(", ", missing) + "; expected " + String.join(",", RawColumns.ALL));
    }
  }

  /** About four splits per core (even waves), at most 32 MiB, at least 1 MiB. */
  private long sizeOfSplits(List<InputFile> files) {
    if (splitBytes > 0) {
      return splitBytes;
    }
    long total = 0;
    for (InputFile f : files) {
      total += f.length();
    }
    long perSplit = total / (4L * Math.max(1, spark.sparkContext().defaultParallelism()));
    return Math.max(1L << 20, Math.min(32L << 20, perSplit));
  }

  private static SplitStarts.Probe probe(Split s, int fieldCount, Configuration conf) throws IOException {
    if (s.file().gzip()) {
      return new SplitStarts.Probe(s.knownStart(), Long.MAX_VALUE); // one split, start known
    }
    long windowStart = s.knownStart() >= 0 ? s.knownStart() : Math.max(0, s.begin() - 1);
    try (ByteWindow w = s.file().window(windowStart, conf)) {
      return SplitStarts.probe(reader(s.layout(), w, fieldCount), s.begin(), s.end(), s.knownStart());
    }
  }

  private static long reprobe(InputFile f, Layout layout, long start, long target, int fieldCount,
      Configuration conf) {
    try (ByteWindow w = f.window(start, conf)) {
      return reader(layout, w, fieldCount).firstStartAtOrAfter(start, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of the records that start in each split's confirmed range. */
  private static Iterator<Row> records(Iterator<Split> splits, int fieldCount, Configuration conf) {
    return new Iterator<>() {
      Split split;
      ByteWindow window;
      RecordReader parser;
      final long[] next = new long[1];
      Row pending;

      @Override
      public boolean hasNext() {
        while (pending == null) {
          if (split == null || next[0] >= split.end()) {
            if (window != null) {
              window.close();
              window = null;
            }
            if (!splits.hasNext()) {
              return false;
            }
            split = splits.next();
            if (split.begin() >= split.end()) {
              continue;
            }
            try {
              window = split.file().window(split.begin(), conf);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            parser = reader(split.layout(), window, fieldCount);
            next[0] = split.begin();
          }
          RawRecord r = parser.next(next[0], next);
          if (r == null) {
            if (split.end() != Long.MAX_VALUE) {
              throw new IllegalStateException("split of " + split.file().path() + " ended early at " + next[0]);
            }
            next[0] = split.end();
            continue;
          }
          pending = row(split, r);
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = pending;
        pending = null;
        return r;
      }
    };
  }

  private static Row row(Split s, RawRecord r) {
    int[] cols = s.columns();
    Object[] v = new Object[cols.length + 4];
    String[] fields = r.fields();
    for (int i = 0; i < cols.length; i++) {
      v[i] = fields[cols[i]];
    }
    v[cols.length] = r.corrupt();
    v[cols.length + 1] = s.file().sourceUri();
    v[cols.length + 2] = s.file().seq(r.offset());
    v[cols.length + 3] = badEncoding(r.badEncodingFields(), cols);
    return RowFactory.create(v);
  }

  /** The raw column names whose bytes are not UTF-8, comma-separated; null when none. */
  private static String badEncoding(int[] fields, int[] cols) {
    if (fields == null) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (int f : fields) {
      for (int i = 0; i < cols.length; i++) {
        if (cols[i] == f) {
          b.append(b.length() > 0 ? "," : "").append(RawColumns.ALL.get(i));
        }
      }
    }
    return b.length() == 0 ? null : b.toString();
  }
}
