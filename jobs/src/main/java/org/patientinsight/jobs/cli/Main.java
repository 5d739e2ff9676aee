package org.patientinsight.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code patient-insight} command line: batch jobs on local Spark or a cluster. */
@Command(name = "patient-insight", mixinStandardHelpOptions = true, version = "patient-insight 0.1.0",
    description = "Turns raw medical case reports into a searchable, quality-checked case base.",
    subcommands = {
        PipelineCommand.class,
        IngestCommand.class,
        SampleCommand.class,
        QualityCommand.class,
        DriftCommand.class,
        ExportCommand.class,
        EmbedCommand.class,
        SyncCommand.class,
        EmbedTextCommand.class,
        SqlCommand.class,
        ConfigCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Also: 'patient-insight serve' (the RAG service) and 'patient-insight submit' "
        + "(run on EKS via the Spark operator) are started by the launcher script."})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code (for tests and the launcher). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
