package org.patientinsight.jobs.cli;

import org.patientinsight.jobs.ingest.IngestStage;
import org.patientinsight.jobs.quality.QualityStep;

/** The gate a publishing command puts in front of the cases table. */
final class Gates {
  private Gates() {}

  /** The Deequ quality gate, or, only when asked for explicitly, none (logged loudly). */
  static IngestStage.Gate quality(boolean skip) {
    return (ctx, batch) -> {
      QualityStep step = new QualityStep(ctx);
      if (skip) {
        step.skip();
      } else {
        step.check(batch.cases(), QualityStep.DATASET_BATCH);
      }
    };
  }
}
