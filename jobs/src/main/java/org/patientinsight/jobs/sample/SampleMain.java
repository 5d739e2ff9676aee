package org.patientinsight.jobs.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Regenerates a sample file: {@code SampleMain ROWS SEED OUT} (OUT ending in .jsonl writes
 * JSON lines, anything else CSV). The committed data/sample/pmc_patients_sample.csv is
 * {@code SampleMain 1800 42 data/sample/pmc_patients_sample.csv}.
 */
public final class SampleMain {

  private SampleMain() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: SampleMain ROWS SEED OUT");
      System.exit(2);
    }
    long rows;
    long seed;
    try {
      rows = Long.parseLong(args[0]);
      seed = Long.parseLong(args[1]);
    } catch (NumberFormatException e) {
      System.err.println("ROWS and SEED must be whole numbers");
      System.exit(2);
      return;
    }
    Path out = Path.of(args[2]);
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    SampleSpec spec = SampleSpec.of(rows, seed);
    long start = System.nanoTime();
    SampleStats stats;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      stats = out.toString().endsWith(".jsonl") ? SampleGenerator.writeJsonl(spec, w) : SampleGenerator.writeCsv(spec, w);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "wrote %d rows (%d dirty: %s) to %s, %d bytes, in %.2f s%n", stats.rowsWritten(),
        stats.dirtyTotal(), stats.dirtyRows(), out, Files.size(out), seconds);
  }
}
