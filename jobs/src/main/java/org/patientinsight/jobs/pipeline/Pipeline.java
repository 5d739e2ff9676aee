package org.patientinsight.jobs.pipeline;

import org.patientinsight.jobs.dedup.NearDuplicateStage;
import org.patientinsight.jobs.drift.DriftStage;
import org.patientinsight.jobs.drift.EmbeddingDriftStage;
import org.patientinsight.jobs.embed.EmbedStage;
import org.patientinsight.jobs.embed.SyncStage;
import org.patientinsight.jobs.ingest.IngestStage;
import org.patientinsight.jobs.ingest.StagedBatch;
import org.patientinsight.jobs.quality.GateOutcome;
import org.patientinsight.jobs.quality.QualityStep;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.run.RunResults;
import org.patientinsight.jobs.run.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline, in the order it runs: stage → gate → publish → drift → near-duplicates →
 * embed → embedding drift → sync. Each step returns a typed result that goes straight into the
 * run's results (so a later failure still records what was done); a refused batch ends the
 * run as a {@link Verdict}, with its quarantine and quality records kept.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final RunContext ctx;
  private final PipelineSteps steps;

  public Pipeline(RunContext ctx, PipelineSteps steps) {
    this.ctx = ctx;
    this.steps = steps;
  }

  public Verdict run(String input, String format) {
    RunResults results = ctx.results();
    IngestStage ingest = new IngestStage(ctx);
    try (IngestStage.Staged staged = ingest.stage(input, format)) {
      StagedBatch batch = staged.batch();
      results.add(staged.result());

      GateOutcome gate = batch.caseCount() == 0 ? null : results.add(gate(batch));
      results.add(ingest.keepQuarantine(batch));
      String refusal = batch.caseCount() == 0
          ? "all " + batch.read() + " rows were quarantined; nothing to publish (reasons are in the quarantine table)"
          : gate.refuses() ? gate.refusal() : null;
      if (refusal != null) {
        results.add(new RejectedBatch(batch.caseCount(), refusal));
        return Verdict.rejected(refusal);
      }

      results.add(ingest.publish(batch));
      if (steps.drift()) {
        results.add(ctx.stage("drift", () -> new DriftStage(ctx).run(batch.cases())));
      }
      if (steps.nearDuplicates()) {
        results.add(ctx.stage("near_duplicates", () -> new NearDuplicateStage(ctx).run(true)));
      }
    }
    if (!steps.embed()) {
      if (steps.drift()) {
        LOG.info("[{}] embed and sync left out (vector.store=none)", ctx.runId());
      }
      return Verdict.done();
    }
    results.add(ctx.stage("embed", () -> new EmbedStage(ctx).run()));
    if (steps.embeddingDrift()) {
      results.add(ctx.stage("embedding_drift", () -> new EmbeddingDriftStage(ctx).run(true)));
    }
    results.add(ctx.stage("sync", () -> new SyncStage(ctx).run()));
    return Verdict.done();
  }

  private GateOutcome gate(StagedBatch batch) {
    QualityStep quality = new QualityStep(ctx);
    return steps.skipQuality() ? quality.skip() : quality.check(batch.cases(), QualityStep.DATASET_BATCH);
  }
}
