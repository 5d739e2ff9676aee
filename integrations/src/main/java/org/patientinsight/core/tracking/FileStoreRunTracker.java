package org.patientinsight.core.tracking;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes runs in MLflow's file-store layout (what {@code mlflow ui} reads from ./mlruns):
 * <pre>
 * mlruns/&lt;experiment_id&gt;/meta.yaml
 * mlruns/&lt;experiment_id&gt;/&lt;run_uuid&gt;/meta.yaml        run info, status as an int
 * mlruns/&lt;experiment_id&gt;/&lt;run_uuid&gt;/params/&lt;key&gt;     the value, no newline
 * mlruns/&lt;experiment_id&gt;/&lt;run_uuid&gt;/metrics/&lt;key&gt;    "timestamp value step" lines
 * mlruns/&lt;experiment_id&gt;/&lt;run_uuid&gt;/tags/&lt;key&gt;       the value, no newline
 * mlruns/&lt;experiment_id&gt;/&lt;run_uuid&gt;/artifacts/...      copies of the reports
 * </pre>
 * The run folder is created atomically under a fresh uuid and its meta.yaml is written last, so
 * a reader never sees a half-written run as a run.
 */
public final class FileStoreRunTracker implements RunTracker {
  static final String BACKEND = "file-store";
  private static final Logger LOG = LoggerFactory.getLogger(FileStoreRunTracker.class);
  /** MLflow's RunStatus enum as the file store persists it. */
  private static final Map<String, Integer> STATUS_CODES =
      Map.of("RUNNING", 1, "SCHEDULED", 2, "FINISHED", 3, "FAILED", 4, "KILLED", 5);
  /** MLflow's SourceType.LOCAL: the file store always writes this. */
  private static final int SOURCE_TYPE_LOCAL = 4;

  private final FileStoreExperiments experiments;
  private final String user;

  public FileStoreRunTracker(Path root) {
    this(root, System.getProperty("user.name"), System::currentTimeMillis);
  }

  FileStoreRunTracker(Path root, String user, LongSupplier clock) {
    this.experiments = new FileStoreExperiments(root, clock);
    this.user = user;
  }

  public Path root() {
    return experiments.root();
  }

  @Override
  public String backend() {
    return BACKEND;
  }

  @Override
  public TrackingOutcome record(TrackedRun run) {
    String experimentId = null;
    String runId = null;
    Path runDir = null;
    try {
      FileStoreExperiments.Experiment exp = experiments.getOrCreate(run.experimentName());
      experimentId = exp.id();
      runId = UUID.randomUUID().toString().replace("-", "");
      runDir = exp.dir().resolve(runId);
      Files.createDirectory(runDir);
      RunEntities entities = RunEntities.of(run, user);
      writeValues(runDir.resolve("params"), entities.params());
      writeValues(runDir.resolve("tags"), entities.tags());
      writeMetrics(runDir.resolve("metrics"), entities.metrics(), run.endMillis());
      String artifactUri = exp.artifactLocation() + "/" + runId + "/artifacts";
      List<String> artifactFailures = copyArtifacts(run.artifacts(), artifactUri,
          runDir.resolve("artifacts"));
      AtomicFiles.writeString(runDir.resolve(FileStoreExperiments.META),
          FlatYaml.write(runMeta(run, exp.id(), runId, artifactUri)));
      String location = runDir.toString();
      if (!artifactFailures.isEmpty()) {
        String msg = "run recorded in " + BACKEND + " but " + artifactFailures.size()
            + " artifact(s) failed: " + String.join("; ", artifactFailures);
        LOG.warn("run {}: {}", run.runName(), msg);
        return TrackingOutcome.failed(BACKEND, runId, experimentId, artifactFailures.size(), msg,
            location);
      }
      LOG.info("run {} recorded in {} (experiment {}, mlflow run {}, {} params, {} metrics,"
              + " {} tags, {} artifacts)", run.runName(), location, experimentId, runId,
          entities.params().size(), entities.metrics().size(), entities.tags().size(),
          run.artifacts().size());
      return TrackingOutcome.recorded(BACKEND, runId, experimentId, location);
    } catch (IOException | RuntimeException e) {
      String msg = "could not write run to MLflow file store " + experiments.root() + ": "
          + e.getClass().getSimpleName() + " " + e.getMessage();
      LOG.warn("run {}: {}", run.runName(), msg);
      return TrackingOutcome.failed(BACKEND, runId, experimentId, 1, msg,
          runDir == null ? experiments.root().toString() : runDir.toString());
    }
  }

  private Map<String, Object> runMeta(TrackedRun run, String experimentId, String runId,
      String artifactUri) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("artifact_uri", artifactUri);
    meta.put("end_time", run.endMillis());
    meta.put("entry_point_name", "");
    meta.put("experiment_id", experimentId);
    meta.put("lifecycle_stage", "active");
    meta.put("run_id", runId);
    meta.put("run_name", run.runName());
    meta.put("run_uuid", runId);
    meta.put("source_name", "");
    meta.put("source_type", SOURCE_TYPE_LOCAL);
    meta.put("source_version", "");
    meta.put("start_time", run.startMillis());
    meta.put("status", STATUS_CODES.get(run.status().mlflowStatus()));
    meta.put("tags", List.of());
    meta.put("user_id", user == null ? "" : user);
    return meta;
  }

  private static void writeValues(Path dir, Map<String, String> values) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : values.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static void writeMetrics(Path dir, Map<String, Double> metrics, long timestamp)
      throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, metricLine(timestamp, e.getValue(), 0), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  /** "timestamp value step", the line format MLflow's file store appends per metric point. */
  static String metricLine(long timestamp, double value, long step) {
    return timestamp + " " + value + " " + step + "\n";
  }

  /**
   * Copies each artifact into the run's artifact folder (the experiment's artifact location;
   * ours is always local, an experiment MLflow made elsewhere may not be).
   */
  private static List<String> copyArtifacts(List<Path> artifacts, String artifactUri,
      Path runArtifactsDir) throws IOException {
    Path target = artifactUri.startsWith("file:") ? Path.of(URI.create(artifactUri)) : null;
    Files.createDirectories(runArtifactsDir); // MLflow makes it for every run
    List<String> failures = new ArrayList<>();
    if (target == null) {
      if (!artifacts.isEmpty()) {
        failures.add("artifact location " + artifactUri + " is not a local file: URI");
      }
      return failures;
    }
    Files.createDirectories(target);
    for (String problem : ArtifactNames.problems(artifacts)) {
      failures.add(problem);
    }
    for (Path file : ArtifactNames.uploadable(artifacts)) {
      try {
        Files.copy(file, target.resolve(file.getFileName().toString()),
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        failures.add(file.getFileName() + ": " + e.getClass().getSimpleName());
      }
    }
    return failures;
  }
}
