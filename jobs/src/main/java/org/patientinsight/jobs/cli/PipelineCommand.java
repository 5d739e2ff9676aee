package org.patientinsight.jobs.cli;

import org.patientinsight.jobs.dedup.NearDuplicateStage;
import org.patientinsight.jobs.drift.DriftStage;
import org.patientinsight.jobs.drift.EmbeddingDriftStage;
import org.patientinsight.jobs.embed.EmbedStage;
import org.patientinsight.jobs.embed.SyncStage;
import org.patientinsight.jobs.ingest.IngestStage;
import org.patientinsight.jobs.run.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = {"Run every stage in order on one input: ingest, quality gate, publish, drift, "
        + "embed, sync.",
        "With --set vector.store=none the embed and sync stages are left out."})
final class PipelineCommand extends BatchCommand {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineCommand.class);

  @Mixin
  InputOptions inputs;

  @Mixin
  QualityOptions quality;

  @picocli.CommandLine.Mixin
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
  void execute(RunContext ctx) {
    String format = inputs.format != null ? inputs.format : ctx.settings().getOptional("ingest.format");
    new IngestStage(ctx, Gates.quality(quality.skipQuality)).run(inputs.resolvedInput(), format,
        published -> {
          ctx.stage("drift", () -> new DriftStage(ctx).run(published));
          if (ctx.settings().getBoolean("near_duplicates.enabled")) {
            ctx.stage("near_duplicates", () -> new NearDuplicateStage(ctx).run(true));
          }
        });
    if ("none".equalsIgnoreCase(ctx.settings().get("vector.store"))) {
      LOG.info("[{}] embed and sync left out (vector.store=none)", ctx.runId());
      return;
    }
    ctx.stage("embed", () -> new EmbedStage(ctx).run());
    if (ctx.settings().getBoolean("drift.embedding.enabled")) {
      ctx.stage("embedding_drift", () -> new EmbeddingDriftStage(ctx).run(true));
    }
    ctx.stage("sync", () -> new SyncStage(ctx).run());
  }

  @Override
  java.util.List<java.nio.file.Path> reports(RunContext ctx) {
    return org.patientinsight.jobs.run.RunReport.write(ctx, "staged batch", true);
  }
}
