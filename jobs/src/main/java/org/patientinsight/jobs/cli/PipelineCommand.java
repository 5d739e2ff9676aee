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

@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = {"Run every stage in order on one input: ingest, quality gate, publish, drift, "
        + "embed, sync.",
        "With --set vector.store=none the embed and sync stages are left out."})
final class PipelineCommand extends BatchCommand {
  @Mixin
  InputOptions inputs;

  @Mixin
  QualityOptions quality;

  @Mixin
  DriftOptions drift;

  @Override
  boolean failOnDrift() {
    return drift.failOnDrift;
  }

  @Override
  boolean readsExistingTables() {
    return false;
  }

  @Override
  String input() {
    try {
      return inputs.resolvedInput();
    } catch (RuntimeException e) {
      return inputs.input;
    }
  }

  @Override
  Verdict execute(RunContext ctx) {
    return new Pipeline(ctx, PipelineSteps.all(quality.skipQuality, ctx.settings()))
        .run(inputs.usableInput(ctx.spark()), inputs.formatOr(ctx.settings()));
  }

  @Override
  Optional<ReportWritten> report(RunContext ctx, RunRecord record) {
    return RunReport.write(ctx, record, "staged batch", true);
  }
}
