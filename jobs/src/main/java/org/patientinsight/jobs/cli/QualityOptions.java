package org.patientinsight.jobs.cli;

import picocli.CommandLine.Option;

/** The one way to publish without the quality gate: explicitly, and it is logged loudly. */
public final class QualityOptions {
  @Option(names = "--skip-quality",
      description = "Publish WITHOUT running the quality checks (logged as a warning and recorded in the run summary).")
  boolean skipQuality;
}
