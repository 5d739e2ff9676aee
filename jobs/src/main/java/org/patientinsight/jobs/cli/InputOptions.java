package org.patientinsight.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where raw cases come from. With no --input, the bundled sample. */
public final class InputOptions {
  /** The sample shipped with the project, relative to its root. */
  public static final String SAMPLE = "data/sample/pmc_patients_sample.csv";

  @Option(names = "--input", paramLabel = "URI",
      description = "A file, directory or glob; local path or s3a://bucket/key (default: the bundled sample).")
  String input;

  @Option(names = "--format", paramLabel = "csv|jsonl",
      description = "Input format (default: from the file extensions).")
  String format;

  /** The format given with --format, else the {@code ingest.format} setting (null: from the file names). */
  String formatOr(org.patientinsight.core.config.Settings settings) {
    return format != null ? format : settings.getOptional("ingest.format");
  }

  /**
   * The input the job reads: {@link #resolvedInput()} without the credentials a user may have
   * typed into it ({@code s3a://KEY:SECRET@bucket/…}); they become the bucket's S3A keys on
   * this session, so no listing, lineage event or log line sees them.
   */
  String usableInput(org.apache.spark.sql.SparkSession spark) {
    org.patientinsight.jobs.spark.UriCredentials split =
        org.patientinsight.jobs.spark.UriCredentials.of(resolvedInput());
    split.applyTo(spark.sparkContext().hadoopConfiguration());
    return split.uri();
  }

  /** The input URI (as given: the run summary shows it redacted), defaulting to the bundled sample found from PI_HOME or the working dir. */
  String resolvedInput() {
    if (input != null && !input.isBlank()) {
      return org.patientinsight.core.config.Locations.absolute(input);
    }
    String home = System.getenv("PI_HOME");
    Path base = home != null ? Path.of(home) : Path.of("");
    Path sample = base.resolve(SAMPLE).toAbsolutePath().normalize();
    if (!Files.exists(sample)) {
      throw new org.patientinsight.jobs.run.JobFailure("no --input given and the bundled sample is missing: "
          + sample + " (run 'patient-insight sample --out " + SAMPLE + "' to make one)");
    }
    return sample.toString();
  }
}
