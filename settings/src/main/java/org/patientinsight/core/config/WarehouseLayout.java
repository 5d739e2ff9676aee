package org.patientinsight.core.config;

import java.nio.file.Path;

/**
 * Where everything lives under a warehouse root — the one place that knows the layout, so the
 * batch jobs, the quality module and serving always agree on a path. The root is kept as the
 * user spelled it (a local path, {@code file:/…} or {@code s3a://bucket/prefix}), trailing
 * slashes trimmed once here; everything else is a child of it.
 */
public final class WarehouseLayout {
  /** The setting that names the root. */
  public static final String KEY = "warehouse";

  private final String root;

  private WarehouseLayout(String root) {
    this.root = root;
  }

  public static WarehouseLayout of(String warehouse) {
    if (warehouse == null || warehouse.isBlank()) {
      throw new IllegalArgumentException("the warehouse location is empty");
    }
    return new WarehouseLayout(Locations.withoutTrailingSlashes(warehouse.strip()));
  }

  public static WarehouseLayout from(Settings settings) {
    return of(settings.get(KEY));
  }

  /** The root, as given, without trailing slashes. */
  public String root() {
    return root;
  }

  /** A Delta table's directory, {@code <root>/<name>}. */
  public String table(String name) {
    return child(plainName(name, "table name"));
  }

  /** The run summary, {@code <root>/runs/<run_id>.json}. */
  public String runSummary(String runId) {
    return child("runs/" + plainName(runId, "run id") + ".json");
  }

  /** A run's report directory, {@code <root>/reports/<run_id>}. */
  public String reportDirectory(String runId) {
    return child("reports/" + plainName(runId, "run id"));
  }

  /** A run's stats report page, {@code <root>/reports/<run_id>/report.html}. */
  public String reportHtml(String runId) {
    return reportDirectory(runId) + "/report.html";
  }

  /** A run's stats report data, {@code <root>/reports/<run_id>/report.json}. */
  public String reportJson(String runId) {
    return reportDirectory(runId) + "/report.json";
  }

  /** A run's OpenLineage events, {@code <root>/lineage/<run_id>.jsonl}. */
  public String lineageFile(String runId) {
    return child("lineage/" + lineageFileName(runId));
  }

  /** The events file's name, {@code <run_id>.jsonl}, also used under {@code lineage.dir}. */
  public static String lineageFileName(String runId) {
    return plainName(runId, "run id") + ".jsonl";
  }

  /** Deequ's metrics history, {@code <root>/quality/metrics.json}. */
  public String qualityMetrics() {
    return child("quality/metrics.json");
  }

  /** Pinned age-distribution baselines, {@code <root>/drift/baselines}. */
  public String driftBaselines() {
    return child("drift/baselines");
  }

  /** Pinned embedding baselines, {@code <root>/drift/embedding-baselines}. */
  public String embeddingBaselines() {
    return child("drift/embedding-baselines");
  }

  /**
   * The warehouse lease's directory, {@code <root>/_lease}: one create-only file per
   * generation. The {@code _} prefix keeps it out of the table listing ({@code sql}).
   */
  public String lease() {
    return child("_lease");
  }

  /** The local vector index's default directory, {@code <root>/vector_index}. */
  public String vectorIndex() {
    return child("vector_index");
  }

  /** Serving's stored analyses (file store) default directory, {@code <root>/analyses}. */
  public String analyses() {
    return child("analyses");
  }

  /** True for a plain path or a {@code file:} URI: the places a local index or file may go. */
  public boolean isLocal() {
    return !Locations.hasScheme(root) || root.startsWith("file:");
  }

  /** A location of this layout as a local path ({@code file:} prefix dropped); only when {@link #isLocal()}. */
  public Path localPath(String location) {
    if (!isLocal()) {
      throw new IllegalStateException("the warehouse " + root + " is not on the local file system");
    }
    return Path.of(location.replaceFirst("^file:(//)?", ""));
  }

  /**
   * A local default for a setting left unset (e.g. {@code vector.local.dir}): this location as
   * a local path; with a warehouse that is not local, a configuration error naming the key
   * instead of a path that would quietly point nowhere.
   */
  public Path localDefault(String location, String key) {
    if (!isLocal()) {
      throw new ConfigException(key, "configuration key '" + key + "' must be set to a"
          + " local directory when '" + KEY + "' is not local (" + root + ")");
    }
    return localPath(location);
  }

  private String child(String relative) {
    return root.endsWith("/") ? root + relative : root + "/" + relative;
  }

  private static String plainName(String name, String what) {
    if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.contains("..")) {
      throw new IllegalArgumentException(what + " must be a plain name, got '" + name + "'");
    }
    return name;
  }

  @Override
  public String toString() {
    return root;
  }
}
