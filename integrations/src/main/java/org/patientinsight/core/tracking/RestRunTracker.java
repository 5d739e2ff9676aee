package org.patientinsight.core.tracking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a run on an MLflow tracking server (plain or SageMaker-managed): experiment by name
 * (created when missing), run create, log-batch within MLflow's limits, artifact uploads, then
 * run update to FINISHED or FAILED. Once the run exists it is always terminated, even when
 * some step failed, so it does not hang in RUNNING.
 */
final class RestRunTracker implements RunTracker {
  private static final Logger LOG = LoggerFactory.getLogger(RestRunTracker.class);

  private final String backend;
  private final MlflowRestApi api;
  private final ArtifactUploader uploader;
  private final LogBatchChunker chunker;
  private final String user;
  private final BiFunction<String, String, String> location;

  /**
   * @param location (experimentId, runId) → where a person finds the run
   */
  RestRunTracker(String backend, MlflowRestApi api, ArtifactUploader uploader,
      LogBatchChunker chunker, String user, BiFunction<String, String, String> location) {
    this.backend = backend;
    this.api = api;
    this.uploader = uploader;
    this.chunker = chunker;
    this.user = user;
    this.location = location;
  }

  @Override
  public String backend() {
    return backend;
  }

  @Override
  public TrackingOutcome record(TrackedRun run) {
    String experimentId = null;
    MlflowRestApi.CreatedRun created;
    try {
      experimentId = api.getOrCreateExperiment(run.experimentName());
      created = api.createRun(experimentId, run.runName(), run.startMillis(), user);
    } catch (IOException | MlflowApiException | RuntimeException e) {
      String msg = backend + ": could not create the run: " + describe(e);
      LOG.warn("run {}: {}", run.runName(), msg);
      return TrackingOutcome.failed(backend, null, experimentId, 1, msg, api.transport().base());
    }
    List<String> failures = new ArrayList<>();
    RunEntities entities = RunEntities.of(run, user);
    List<LogBatchChunker.Batch> batches = chunker.chunk(entities.params(), entities.metrics(),
        entities.tags());
    for (int i = 0; i < batches.size(); i++) {
      try {
        api.logBatch(created.runId(), batches.get(i), run.endMillis());
      } catch (IOException | MlflowApiException | RuntimeException e) {
        failures.add("log-batch " + (i + 1) + "/" + batches.size() + " ("
            + batches.get(i).size() + " entities): " + describe(e));
      }
    }
    for (String problem : ArtifactNames.problems(run.artifacts())) {
      failures.add(problem);
    }
    for (Path file : ArtifactNames.uploadable(run.artifacts())) {
      try {
        uploader.upload(created, file);
      } catch (IOException | MlflowApiException | RuntimeException e) {
        failures.add("artifact " + file.getFileName() + ": " + describe(e));
      }
    }
    try {
      api.updateRun(created.runId(), run.status().mlflowStatus(), run.endMillis());
    } catch (IOException | MlflowApiException | RuntimeException e) {
      failures.add("runs/update: " + describe(e));
    }
    String where = location.apply(experimentId, created.runId());
    if (failures.isEmpty()) {
      LOG.info("run {} recorded in {} as {} (experiment {}, {} log-batch call(s), {} artifact(s))",
          run.runName(), backend, created.runId(), experimentId, batches.size(),
          run.artifacts().size());
      return TrackingOutcome.recorded(backend, created.runId(), experimentId, where);
    }
    String msg = backend + ": run " + created.runId() + " recorded with " + failures.size()
        + " failure(s): " + String.join("; ", failures);
    LOG.warn("run {}: {}", run.runName(), msg);
    return TrackingOutcome.failed(backend, created.runId(), experimentId, failures.size(), msg,
        where);
  }

  private static String describe(Exception e) {
    return e instanceof MlflowApiException ? e.getMessage()
        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
