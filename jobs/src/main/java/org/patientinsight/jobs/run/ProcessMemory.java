package org.patientinsight.jobs.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident memory (Linux VmHWM), for run summaries and benchmarks. */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** Peak RSS in MiB (one decimal), or -1 where /proc is not available. */
  public static double peakRssMib() {
    long kib = peakRssKib();
    return kib < 0 ? -1 : Math.round(kib / 1024.0 * 10) / 10.0;
  }

  /** Peak RSS in KiB, or -1 where /proc is not available. */
  public static long peakRssKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
