package org.patientinsight.jobs.cli;

import java.util.Optional;
import org.patientinsight.jobs.pipeline.Pipeline;
import org.patientinsight.jobs.pipeline.PipelineSteps;
import org.patientinsight.jobs.pipeline.ReportWritten;
import org.patientinsight.jobs.pipeline.RunReport;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunRecord;
import org.patientinsight.jobs.run.Verdict;
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
  Verdict execute(RunContext ctx) {
    return new Pipeline(ctx, PipelineSteps.ingestOnly(quality.skipQuality))
        .run(inputs.usableInput(ctx.spark()), inputs.formatOr(ctx.settings()));
  }

  @Override
  Optional<ReportWritten> report(RunContext ctx, RunRecord record) {
    return RunReport.write(ctx, record, "staged batch", true);
  }
}
