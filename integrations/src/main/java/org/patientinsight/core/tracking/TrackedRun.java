package org.patientinsight.core.tracking;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patientinsight.core.config.Redaction;

/**
 * Everything one finished pipeline (or stage) run hands to run tracking, once, at its end.
 * Values here must never contain patient text: params are configuration, metrics are counts and
 * statistics, artifacts are reports.
 *
 * @param experimentName MLflow experiment (looked up by name, created when missing)
 * @param runName our run id; becomes the MLflow run name
 * @param artifacts files to attach; each is stored under its file name
 */
public record TrackedRun(
    String experimentName,
    String runName,
    long startMillis,
    long endMillis,
    Status status,
    String command,
    Map<String, String> params,
    Map<String, Double> metrics,
    Map<String, String> tags,
    List<Path> artifacts) {

  public static final String DEFAULT_EXPERIMENT = "patient-insight";

  /** How the run ended. REJECTED (quality gate said no) is an MLflow FAILED run with a tag. */
  public enum Status {
    SUCCEEDED, FAILED, REJECTED;

    /** The MLflow run status this maps to. */
    public String mlflowStatus() {
      return this == SUCCEEDED ? "FINISHED" : "FAILED";
    }
  }

  public TrackedRun {
    // the experiment name carries the warehouse URI, params and tags carry locations: none may
    // carry a credential into MLflow
    experimentName = experimentName == null || experimentName.isBlank()
        ? DEFAULT_EXPERIMENT : Redaction.text(experimentName.strip());
    requireText(runName, "runName");
    Objects.requireNonNull(status, "TrackedRun.status must be set");
    requireText(command, "command");
    if (startMillis <= 0) {
      throw new IllegalArgumentException("TrackedRun.startMillis must be a positive epoch millis, got "
          + startMillis);
    }
    if (endMillis < startMillis) {
      throw new IllegalArgumentException("TrackedRun.endMillis (" + endMillis
          + ") is before startMillis (" + startMillis + ")");
    }
    params = redacted(copy(params, "params"));
    metrics = copy(metrics, "metrics");
    tags = redacted(copy(tags, "tags"));
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
  }

  public static Builder builder(String runName, String command, Status status) {
    return new Builder(runName, command, status);
  }

  private static void requireText(String v, String field) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("TrackedRun." + field + " must not be blank");
    }
  }

  /** Each value as it may leave the process: masked when its key names a secret, else its URIs redacted. */
  private static Map<String, String> redacted(Map<String, String> in) {
    Map<String, String> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, Redaction.value(k, v)));
    return Collections.unmodifiableMap(out);
  }

  private static <V> Map<String, V> copy(Map<String, V> in, String field) {
    if (in == null) {
      return Map.of();
    }
    Map<String, V> out = new LinkedHashMap<>();
    for (Map.Entry<String, V> e : in.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new IllegalArgumentException("TrackedRun." + field + " has a blank key");
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("TrackedRun." + field + "['" + e.getKey()
            + "'] is null");
      }
      out.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Collects a run's figures as stages finish. */
  public static final class Builder {
    private final String runName;
    private final String command;
    private final Status status;
    private String experimentName = DEFAULT_EXPERIMENT;
    private long startMillis;
    private long endMillis;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final java.util.ArrayList<Path> artifacts = new java.util.ArrayList<>();

    private Builder(String runName, String command, Status status) {
      this.runName = runName;
      this.command = command;
      this.status = status;
    }

    public Builder experiment(String name) {
      this.experimentName = name;
      return this;
    }

    public Builder times(long startMillis, long endMillis) {
      this.startMillis = startMillis;
      this.endMillis = endMillis;
      return this;
    }

    public Builder param(String key, Object value) {
      // a null value is kept so the record's check names the key
      params.put(key, value == null ? null : String.valueOf(value));
      return this;
    }

    public Builder metric(String key, double value) {
      metrics.put(key, value);
      return this;
    }

    public Builder tag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    public Builder artifact(Path file) {
      artifacts.add(file);
      return this;
    }

    public TrackedRun build() {
      return new TrackedRun(experimentName, runName, startMillis, endMillis, status, command,
          params, metrics, tags, artifacts);
    }
  }
}
