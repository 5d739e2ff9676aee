package org.patientinsight.core.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput and memory of the raw embedder against langchain4j's model class, on the same
 * synthetic clinical notes. Every setting runs in its own JVM so each peak RSS (VmHWM) is that
 * setting's alone. Run (prints a table):
 *
 * <pre>
 * mvn -B -ntp -q -pl core -Dpi.build.dir=target-embed test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.patientinsight.core.embed.EmbedderBenchmark"
 * </pre>
 *
 * Arguments: {@code [--notes N] [--modes m1,m2,...]}; a child runs {@code --run MODE}.
 */
public final class EmbedderBenchmark {
  private static final long SEED = 20240611L;
  private static final int WARMUP = 16;
  private static final int AGREEMENT_NOTES = 32;
  private static final String RESULT = "RESULT ";
  private static final List<String> DEFAULT_MODES = List.of("raw-b1-parallel", "raw-b1-single",
      "raw-b8", "raw-b32", "langchain4j");

  private EmbedderBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    int notes = Integer.parseInt(opts.getOrDefault("notes", "512"));
    if (opts.containsKey("run")) {
      runOne(opts.get("run"), notes);
      return;
    }
    List<String> modes = opts.containsKey("modes")
        ? List.of(opts.get("modes").split(",")) : DEFAULT_MODES;
    List<String> texts = ClinicalNoteGenerator.notes(notes, SEED);
    long words = texts.stream().mapToLong(t -> t.split("\\s+").length).sum();
    System.out.printf(Locale.ROOT, "%d synthetic notes, %.0f words each on average; %d cores%n",
        notes, (double) words / notes, Runtime.getRuntime().availableProcessors());
    System.out.println("load average before: " + loadAverage()
        + " (other work on the machine lowers every figure)");
    System.out.printf(Locale.ROOT, "%-18s %9s %11s %12s %10s %9s %9s%n", "setting",
        "texts/s", "tokens/s", "tokens/cpu-s", "peakRSS MB", "load s", "vs raw");
    Double best = null;
    Map<String, Double> agreement = null;
    for (String mode : modes) {
      Map<String, Double> r = runChild(mode.trim(), notes);
      if (r.containsKey("meanCosine")) {
        agreement = r;
      }
      double tokensPerSecond = r.get("tokens") / r.get("seconds");
      if (mode.startsWith("raw-") && (best == null || tokensPerSecond > best)) {
        best = tokensPerSecond;
      }
      System.out.printf(Locale.ROOT, "%-18s %9.1f %11.0f %12.0f %10.0f %9.1f %9s%n", mode,
          r.get("texts") / r.get("seconds"), tokensPerSecond,
          r.get("tokens") / r.get("cpuSeconds"), r.get("rssKb") / 1024.0,
          r.get("loadSeconds"),
          best == null ? "-" : String.format(Locale.ROOT, "%.2f", tokensPerSecond / best));
    }
    System.out.println("load average after: " + loadAverage());
    if (agreement != null) {
      System.out.printf(Locale.ROOT, "langchain4j vs raw vectors on the first %d notes: mean"
          + " cosine %.4f, min %.4f (its tokenizer file truncates at 128 tokens)%n",
          AGREEMENT_NOTES, agreement.get("meanCosine"), agreement.get("minCosine"));
      System.out.printf(Locale.ROOT, "langchain4j counting only the %.0f tokens it sees (<= 128"
          + " a note): %.0f tokens/s, %.0f tokens/cpu-s%n", agreement.get("ownTokens"),
          agreement.get("ownTokens") / agreement.get("seconds"),
          agreement.get("ownTokens") / agreement.get("cpuSeconds"));
    }
    System.out.println("tokens/cpu-s = tokens per second of process CPU time: times the core"
        + " count, what the setting would reach on an otherwise idle machine.");
    System.out.println("tokens = tokens the model sees with truncation at 256 ([CLS]/[SEP]"
        + " included), the same count for every setting; 'vs raw' = tokens/s over the best raw"
        + " setting so far.");
  }

  /** Starts a fresh JVM for one setting and reads its RESULT line. */
  private static Map<String, Double> runChild(String mode, int notes)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx2g",
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-cp", System.getProperty("java.class.path"), EmbedderBenchmark.class.getName(),
        "--run", mode, "--notes", String.valueOf(notes)));
    String natives = System.getProperty(NativeLibraries.DIR_PROPERTY);
    if (natives != null) {
      cmd.add(1, "-D" + NativeLibraries.DIR_PROPERTY + "=" + natives);
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, Double> result = null;
    List<String> output = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith(RESULT)) {
          result = new LinkedHashMap<>();
          for (String kv : line.substring(RESULT.length()).trim().split(" ")) {
            String[] parts = kv.split("=");
            result.put(parts[0], Double.parseDouble(parts[1]));
          }
        } else {
          output.add(line);
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0 || result == null) {
      throw new IllegalStateException("benchmark setting " + mode + " failed (exit " + exit
          + "):\n" + String.join("\n", output));
    }
    return result;
  }

  private static void runOne(String mode, int notes) throws Exception {
    List<String> texts = ClinicalNoteGenerator.notes(notes, SEED);
    long tokens = 0;
    long tokensAt128 = 0; // what langchain4j's model sees: its tokenizer file truncates at 128
    // the tokenizer alone, so the langchain4j setting does not also hold our ORT session
    try (MiniLmTokenizer tokenizer = new MiniLmTokenizer()) {
      for (String t : texts) {
        int n = tokenizer.encode(t).length();
        tokens += n;
        tokensAt128 += Math.min(n, 128);
      }
    }
    long loadStart = System.nanoTime();
    Runnable work;
    List<String> warm = texts.subList(0, Math.min(WARMUP, texts.size()));
    switch (mode) {
      case "raw-b1-parallel" -> {
        MiniLmEmbedder raw = MiniLmEmbedder.shared();
        int threads = Runtime.getRuntime().availableProcessors();
        parallel(raw, warm, threads);
        work = () -> parallel(raw, texts, threads);
      }
      case "raw-b1-single" -> {
        MiniLmEmbedder raw = MiniLmEmbedder.shared();
        raw.embedAll(warm, 1);
        work = () -> raw.embedAll(texts, 1);
      }
      case "raw-b8", "raw-b32" -> {
        MiniLmEmbedder raw = MiniLmEmbedder.shared();
        int batch = Integer.parseInt(mode.substring("raw-b".length()));
        raw.embedAll(warm, batch);
        work = () -> raw.embedAll(texts, batch);
      }
      case "langchain4j" -> {
        AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        model.embedAll(segments.subList(0, warm.size()));
        work = () -> model.embedAll(segments);
      }
      default -> throw new IllegalArgumentException("unknown mode " + mode + "; known: "
          + DEFAULT_MODES);
    }
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long rssKb = peakRssKb();
    String extra = "";
    if (mode.equals("langchain4j")) {
      // after the RSS reading: how far langchain4j's vectors are from ours on these notes
      AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
      double sum = 0;
      double min = 1;
      for (String t : texts.subList(0, Math.min(AGREEMENT_NOTES, texts.size()))) {
        float[] theirs = model.embed(t).content().vector();
        float[] ours = MiniLmEmbedder.shared().embed(t);
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < ours.length; i++) {
          dot += (double) theirs[i] * ours[i];
          norm += (double) theirs[i] * theirs[i];
        }
        double cos = dot / Math.sqrt(norm); // ours is unit length already
        sum += cos;
        min = Math.min(min, cos);
      }
      extra = String.format(Locale.ROOT, " meanCosine=%.5f minCosine=%.5f ownTokens=%d",
          sum / Math.min(AGREEMENT_NOTES, texts.size()), min, tokensAt128);
    }
    System.out.printf(Locale.ROOT, RESULT + "texts=%d tokens=%d seconds=%.4f cpuSeconds=%.4f"
        + " rssKb=%d loadSeconds=%.3f%s%n", texts.size(), tokens, seconds, cpuSeconds, rssKb,
        loadSeconds, extra);
  }

  /** CPU time of the whole process (all threads, JIT and GC included). */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() : -1;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Batch 1 with {@code threads} callers sharing the one ORT session (as Spark tasks do). */
  private static void parallel(MiniLmEmbedder embedder, List<String> texts, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < texts.size(); ) {
            embedder.embed(texts.get(i));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("parallel embedding failed", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** VmHWM from /proc/self/status: the process's peak resident set, in kB (-1 if unknown). */
  static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: [--notes N] [--modes m1,m2] [--run MODE]");
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }
}
