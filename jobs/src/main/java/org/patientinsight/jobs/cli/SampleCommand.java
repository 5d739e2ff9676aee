package org.patientinsight.jobs.cli;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.patientinsight.jobs.sample.AgeMix;
import org.patientinsight.jobs.sample.SampleGenerator;
import org.patientinsight.jobs.sample.SampleSpec;
import org.patientinsight.jobs.sample.SampleStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Write a realistic PMC-Patients-layout file of synthetic cases (with some dirt).")
final class SampleCommand implements Callable<Integer> {
  @Option(names = "--rows", defaultValue = "3000", description = "How many rows (default ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "Output file (.csv or .jsonl).")
  Path out;

  @Option(names = "--dirt-rate", defaultValue = "0.02",
      description = "Share of rows with real-world dirt (default ${DEFAULT-VALUE}).")
  double dirtRate;

  @Option(names = "--age-mix", defaultValue = "ADULT_DEFAULT",
      description = "Age distribution: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  AgeMix ageMix;

  @Override
  public Integer call() throws Exception {
    if (rows < 0 || dirtRate < 0 || dirtRate > 1) {
      System.err.println("error: --rows must be >= 0 and --dirt-rate in [0, 1]");
      return 2;
    }
    SampleSpec spec = new SampleSpec(rows, seed, dirtRate, ageMix);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    SampleStats stats;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
      stats = out.toString().endsWith(".jsonl") || out.toString().endsWith(".json")
          ? SampleGenerator.writeJsonl(spec, w) : SampleGenerator.writeCsv(spec, w);
    }
    System.out.println("wrote " + out + ": " + stats.describe()
        + " — synthetic cases, not real patients; ingest it with: ./patient-insight pipeline --input " + out);
    return 0;
  }
}
