package org.patientinsight.core.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Write and search speed of the local store on random 384-d unit vectors with case-like
 * metadata and note text (no patient data). Run:
 *
 * <pre>
 * mvn -B -ntp -q -pl core -Dpi.build.dir=target-embed test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.patientinsight.core.vector.LocalVectorStoreBenchmark 20000"
 * </pre>
 */
public final class LocalVectorStoreBenchmark {
  private static final int DIM = 384;
  private static final int BATCH = 1000;
  private static final int QUERIES = 1000;
  private static final String[] WORDS = {"fever", "cough", "fracture", "carcinoma", "stroke",
      "sepsis", "anemia", "biopsy", "infarction", "pneumonia", "seizure", "renal", "hepatic"};

  private LocalVectorStoreBenchmark() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Random rnd = new Random(42);
    Path dir = Files.createTempDirectory("pi-vector-bench");
    try {
      List<VectorRecord> records = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        records.add(new VectorRecord("case-" + i, unit(rnd), Map.of(
            "pmid", String.valueOf(1_000_000 + i), "title", "Case report " + i,
            "age_years", (double) rnd.nextInt(90), "gender", rnd.nextBoolean() ? "M" : "F",
            "snippet", "snippet " + i, "content_hash", Integer.toHexString(i),
            "text", text(rnd))));
      }
      try (LocalVectorStore store = LocalVectorStore.open(dir)) {
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += BATCH) {
          store.upsert(records.subList(from, Math.min(n, from + BATCH)));
        }
        double upsertSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "upsert %d records in batches of %d: %.1f s, %.0f"
            + " records/s; index %.1f MB%n", n, BATCH, upsertSeconds, n / upsertSeconds,
            sizeBytes(dir) / 1e6);
        report("knn top10", () -> store.query(unit(rnd), 10, SearchFilter.NONE));
        report("knn top10 F 40-60", () -> store.query(unit(rnd), 10,
            new SearchFilter(40.0, 60.0, "F")));
        report("bm25 top10", () -> store.searchText(WORDS[rnd.nextInt(WORDS.length)] + " "
            + WORDS[rnd.nextInt(WORDS.length)], 10, SearchFilter.NONE));
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void report(String what, Runnable query) {
    for (int i = 0; i < 100; i++) {
      query.run(); // warm-up
    }
    long[] nanos = new long[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      long t = System.nanoTime();
      query.run();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "%-18s p50 %.2f ms, p99 %.2f ms (%d queries, one thread)%n",
        what, nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 99 / 100] / 1e6, QUERIES);
  }

  private static float[] unit(Random rnd) {
    float[] v = new float[DIM];
    double sq = 0;
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) rnd.nextGaussian();
      sq += v[i] * v[i];
    }
    float inv = (float) (1 / Math.sqrt(sq));
    for (int i = 0; i < DIM; i++) {
      v[i] *= inv;
    }
    return v;
  }

  private static String text(Random rnd) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      sb.append(WORDS[rnd.nextInt(WORDS.length)]).append(" patient ");
    }
    return sb.toString();
  }

  private static long sizeBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
