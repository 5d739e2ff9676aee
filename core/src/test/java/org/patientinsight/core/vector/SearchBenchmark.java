package org.patientinsight.core.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The local index at PMC-Patients scale: builds an N-vector index of clustered 384-d vectors
 * ({@link ClusteredCases}) the way sync writes it (one commit per 500 records), then prints
 * build time, size, segments, and single-thread latency and recall@3/@10 against exact cosine
 * for dense search — the old query (HNSW asked for k) beside the current one (a candidate pool)
 * on the many-segment index and after {@link LocalVectorStore#compact()} — plus BM25 and hybrid
 * latency. Run by {@code bench/search-benchmark.sh}, which then load-tests serving on the index.
 *
 * <p>Usage: {@code SearchBenchmark N INDEX_DIR}; INDEX_DIR must not exist (it is kept).
 */
public final class SearchBenchmark {
  private static final int DIM = 384;
  private static final int BATCH = 500;
  private static final int WARMUP = 200;
  private static final int TIMED = 1000;
  private static final int RECALL_QUERIES = 200;
  private static final int FUSION_DEPTH = 50; // serving.fusion_depth

  private final ClusteredCases cases;
  private final int n;
  private final float[][] vectors;
  private final double[] ages;
  private final boolean[] female;

  private SearchBenchmark(int n) {
    this.n = n;
    // ~80 vectors per subtopic at 167k, as many near-ties as a real case base has
    this.cases = new ClusteredCases(DIM, 400, 5, 42);
    this.vectors = new float[n][];
    this.ages = new double[n];
    this.female = new boolean[n];
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SearchBenchmark N INDEX_DIR");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    if (Files.exists(dir)) {
      throw new IllegalArgumentException(dir + " exists; give a new directory");
    }
    new SearchBenchmark(n).run(dir);
  }

  private void run(Path dir) throws IOException {
    System.out.printf(Locale.ROOT, "java %s (%s), %d cores; %d vectors of %d dimensions%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), n, DIM);
    try (LocalVectorStore store = LocalVectorStore.open(dir, TextAnalysis.ENGLISH, 1)) {
      long t0 = System.nanoTime();
      List<VectorRecord> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < n; i++) {
        VectorRecord r = cases.record(i);
        vectors[i] = CaseDocuments.unitVector(r.values(), "bench");
        ages[i] = (Double) r.metadata().get("age_years");
        female[i] = "F".equals(r.metadata().get("gender"));
        batch.add(r);
        if (batch.size() == BATCH || i == n - 1) {
          store.upsert(batch);
          batch.clear();
        }
      }
      double buildS = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "build: %d upserts of %d, %.1f s (%.0f records/s); %d"
          + " segments, %.0f MB on disk%n", (n + BATCH - 1) / BATCH, BATCH, buildS, n / buildS,
          store.segmentCount(), sizeBytes(dir) / 1e6);

      Random rnd = new Random(99);
      List<float[]> recallQueries = new ArrayList<>();
      for (int i = 0; i < RECALL_QUERIES; i++) {
        recallQueries.add(cases.query(rnd));
      }
      List<ClusteredCases.PairedQuery> timed = new ArrayList<>();
      for (int i = 0; i < WARMUP + TIMED; i++) {
        timed.add(cases.pairedQuery(rnd));
      }
      SearchFilter women40to60 = new SearchFilter(40.0, 60.0, "F");
      IntPredicate inFilter = i -> female[i] && ages[i] >= 40 && ages[i] <= 60;
      ExactSearch exact = new ExactSearch(vectors);
      List<List<Integer>> truth = exactTop10(exact, recallQueries, i -> true);
      List<List<Integer>> truthFiltered = exactTop10(exact, recallQueries, inFilter);

      String segs = store.segmentCount() + " segments";
      System.out.println("dense search, one thread (" + TIMED + " timed queries, recall over "
          + RECALL_QUERIES + "):");
      for (boolean pooled : new boolean[] {false, true}) {
        dense(store, segs, pooled, SearchFilter.NONE, recallQueries, truth, timed);
      }

      long m0 = System.nanoTime();
      store.compact();
      System.out.printf(Locale.ROOT, "compact: merged to %d segment(s) in %.1f s, %.0f MB on"
          + " disk%n", store.segmentCount(), (System.nanoTime() - m0) / 1e9, sizeBytes(dir) / 1e6);
      segs = store.segmentCount() + " segment";
      for (boolean pooled : new boolean[] {false, true}) {
        dense(store, segs, pooled, SearchFilter.NONE, recallQueries, truth, timed);
      }
      dense(store, segs + ", F 40-60", true, women40to60, recallQueries, truthFiltered, timed);
      latency("dense top-50 (fusion depth)", timed,
          q -> store.query(q.vector(), FUSION_DEPTH, SearchFilter.NONE));
      latency("bm25 top-10", timed, q -> store.searchText(q.text(), 10, SearchFilter.NONE));
      latency("bm25 top-10 F 40-60", timed, q -> store.searchText(q.text(), 10, women40to60));
      latency("hybrid top-3 (as serving)", timed, q -> hybrid(store, q, 3));
    }
  }

  private List<List<Integer>> exactTop10(ExactSearch exact, List<float[]> queries,
      IntPredicate passes) {
    return IntStream.range(0, queries.size()).parallel()
        .mapToObj(i -> exact.topK(CaseDocuments.unitVector(queries.get(i), "q"), 10, passes))
        .toList();
  }

  private void dense(LocalVectorStore store, String segs, boolean pooled, SearchFilter filter,
      List<float[]> recallQueries, List<List<Integer>> truth,
      List<ClusteredCases.PairedQuery> timed) {
    for (int k : new int[] {3, 10}) {
      int pool = pooled ? LocalVectorStore.candidatePool(k) : k;
      double sum = 0;
      for (int i = 0; i < recallQueries.size(); i++) {
        List<String> ids = new ArrayList<>();
        for (int idx : truth.get(i).subList(0, Math.min(k, truth.get(i).size()))) {
          ids.add("case-" + idx);
        }
        sum += ExactSearch.recall(ids, store.query(recallQueries.get(i), k, filter, pool));
      }
      String what = String.format(Locale.ROOT, "dense top-%d, pool %d, %s", k, pool, segs);
      double[] ms = timings(timed, q -> store.query(q.vector(), k, filter, pool));
      System.out.printf(Locale.ROOT, "  %-42s p50 %5.2f ms  p99 %5.2f ms  recall@%d %.3f%n",
          what, ms[0], ms[1], k, sum / recallQueries.size());
    }
  }

  /** What serving's hybrid mode does after embedding: dense + BM25 at fusion depth, RRF, cosines. */
  private static List<String> hybrid(LocalVectorStore store, ClusteredCases.PairedQuery q,
      int topK) {
    List<ScoredMatch> dense = store.query(q.vector(), FUSION_DEPTH, SearchFilter.NONE);
    List<ScoredMatch> bm25 = store.searchText(q.text(), FUSION_DEPTH, SearchFilter.NONE);
    Map<String, Double> rrf = new HashMap<>();
    Map<String, Double> cosine = new HashMap<>();
    for (int r = 0; r < dense.size(); r++) {
      rrf.merge(dense.get(r).id(), 1.0 / (60 + r + 1), Double::sum);
      cosine.put(dense.get(r).id(), dense.get(r).score());
    }
    for (int r = 0; r < bm25.size(); r++) {
      rrf.merge(bm25.get(r).id(), 1.0 / (60 + r + 1), Double::sum);
    }
    List<String> top = rrf.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(topK)
        .map(Map.Entry::getKey).toList();
    List<String> unscored = top.stream().filter(id -> !cosine.containsKey(id)).toList();
    if (!unscored.isEmpty()) {
      cosine.putAll(store.similarities(q.vector(), unscored));
    }
    return top;
  }

  private interface Search {
    Object run(ClusteredCases.PairedQuery q);
  }

  private static void latency(String what, List<ClusteredCases.PairedQuery> timed, Search s) {
    double[] ms = timings(timed, s);
    System.out.printf(Locale.ROOT, "  %-42s p50 %5.2f ms  p99 %5.2f ms%n", what, ms[0], ms[1]);
  }

  /** p50 and p99 in ms over the timed queries, after the warm-up ones. */
  private static double[] timings(List<ClusteredCases.PairedQuery> queries, Search s) {
    for (int i = 0; i < WARMUP; i++) {
      s.run(queries.get(i));
    }
    long[] nanos = new long[TIMED];
    for (int i = 0; i < TIMED; i++) {
      long t = System.nanoTime();
      s.run(queries.get(WARMUP + i));
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return new double[] {nanos[TIMED / 2] / 1e6, nanos[TIMED * 99 / 100] / 1e6};
  }

  private static long sizeBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
