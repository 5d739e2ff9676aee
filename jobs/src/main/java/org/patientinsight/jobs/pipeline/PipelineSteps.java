package org.patientinsight.jobs.pipeline;

import org.patientinsight.core.config.Settings;
import org.patientinsight.core.vector.StoreChoice;

/** Which optional steps a command runs after publishing. */
public record PipelineSteps(boolean skipQuality, boolean drift, boolean nearDuplicates, boolean embed,
    boolean embeddingDrift) {

  /** ingest: stage → gate → publish, nothing after. */
  public static PipelineSteps ingestOnly(boolean skipQuality) {
    return new PipelineSteps(skipQuality, false, false, false, false);
  }

  /** pipeline: every step the settings switch on ({@code vector.store=none} leaves out embed and sync). */
  public static PipelineSteps all(boolean skipQuality, Settings settings) {
    boolean embed = !StoreChoice.NONE.equals(StoreChoice.configured(settings));
    return new PipelineSteps(skipQuality, true, settings.getBoolean("near_duplicates.enabled"), embed,
        embed && settings.getBoolean("drift.embedding.enabled"));
  }
}
