package org.patientinsight.jobs.cli;

import picocli.CommandLine.Option;

/** Options of the commands that check drift. */
final class DriftOptions {
  @Option(names = "--fail-on-drift",
      description = "End with exit code " + BatchCommand.DRIFT_EXIT_CODE + " when drift (age, demographics or "
          + "embeddings) raises an ALERT; the data is still published. Same as --set drift.fail_on_drift=true.")
  boolean failOnDrift;
}
