package org.patientinsight.jobs.cli;

import org.patientinsight.jobs.ingest.IngestStage;
import org.patientinsight.jobs.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read raw cases, clean them, quarantine unusable rows and MERGE the rest into the cases table.")
final class IngestCommand extends BatchCommand {
  @Mixin
  InputOptions inputs;

  @Mixin
  QualityOptions quality;

  private String resolved;

  @Override
  boolean readsExistingTables() {
    return false;
  }

  @Override
  String input() {
    if (resolved == null) {
      try {
        resolved = inputs.resolvedInput();
      } catch (RuntimeException e) {
        return inputs.input;
      }
    }
    return resolved;
  }

  @Override
  void execute(RunContext ctx) {
    new IngestStage(ctx, Gates.quality(quality.skipQuality)).run(inputs.resolvedInput(), formatOrConfig(ctx));
  }

  String formatOrConfig(RunContext ctx) {
    return inputs.format != null ? inputs.format : ctx.settings().getOptional("ingest.format");
  }

  @Override
  java.util.List<java.nio.file.Path> reports(RunContext ctx) {
    return org.patientinsight.jobs.run.RunReport.write(ctx, "staged batch", true);
  }
}
