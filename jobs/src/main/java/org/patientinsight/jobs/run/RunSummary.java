package org.patientinsight.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The record of one batch command: what ran, on what, how it ended, the counts that must
 * reconcile, seconds per stage, the Delta version of every table written, and a section per
 * stage (quality, drift, embedding, tracking). Written as JSON to
 * {@code <warehouse>/runs/<run_id>.json}; it holds figures only, never patient text.
 */
public final class RunSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String runId;
  private final String command;
  private final String input;
  private final String warehouse;
  private final Instant startedAt;
  private Instant finishedAt;
  private RunStatus status = RunStatus.RUNNING;
  private String error;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
  private final Map<String, Long> tableVersions = new LinkedHashMap<>();
  private final Map<String, Object> sections = new LinkedHashMap<>();

  public RunSummary(String runId, String command, String input, String warehouse, Instant startedAt) {
    this.runId = runId;
    this.command = command;
    this.input = input;
    this.warehouse = warehouse;
    this.startedAt = startedAt;
    for (String k : new String[] {"read", "inserted", "updated", "unchanged", "quarantined", "superseded"}) {
      counts.put(k, 0L);
    }
  }

  public String runId() {
    return runId;
  }

  public String command() {
    return command;
  }

  public String input() {
    return input;
  }

  public String warehouse() {
    return warehouse;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public RunStatus status() {
    return status;
  }

  public String error() {
    return error;
  }

  public Map<String, Long> counts() {
    return counts;
  }

  public Map<String, Double> stageSeconds() {
    return stageSeconds;
  }

  public Map<String, Long> tableVersions() {
    return tableVersions;
  }

  public Map<String, Object> sections() {
    return sections;
  }

  public void count(String name, long value) {
    counts.put(name, value);
  }

  public void stage(String name, double seconds) {
    stageSeconds.merge(name, seconds, Double::sum);
  }

  public void tableVersion(String table, long version) {
    tableVersions.put(table, version);
  }

  public void section(String name, Object value) {
    sections.put(name, value);
  }

  public void finish(RunStatus status, String error) {
    this.status = status;
    this.error = error;
    this.finishedAt = Instant.now();
  }

  /**
   * "read 3000 = inserted 2900 + updated 0 + unchanged 0 + quarantined 60 + superseded 40"
   * (plus "+ rejected N" when the gate refused the batch's cases).
   */
  public String reconciliation() {
    String line = String.format(
        "read %d %s inserted %d + updated %d + unchanged %d + quarantined %d + superseded %d",
        counts.get("read"), reconciles() ? "=" : "!=", counts.get("inserted"),
        counts.get("updated"), counts.get("unchanged"), counts.get("quarantined"),
        counts.get("superseded"));
    return counts.getOrDefault("rejected", 0L) > 0 ? line + " + rejected " + counts.get("rejected") : line;
  }

  public boolean reconciles() {
    return counts.get("read") == counts.get("inserted") + counts.get("updated")
        + counts.get("unchanged") + counts.get("quarantined") + counts.get("superseded")
        + counts.getOrDefault("rejected", 0L);
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("command", command);
    m.put("status", status.name());
    m.put("started_at", startedAt.toString());
    m.put("finished_at", finishedAt == null ? null : finishedAt.toString());
    m.put("input", input);
    m.put("warehouse", warehouse);
    m.put("counts", counts);
    m.put("reconciliation", reconciliation());
    m.put("stage_seconds", stageSeconds);
    m.put("table_versions", tableVersions);
    m.putAll(sections);
    if (error != null) {
      m.put("error", error);
    }
    return m;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(toMap());
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the run summary", e);
    }
  }

  /** Writes {@code <warehouse>/runs/<run_id>.json} (any Hadoop file system) and returns its path. */
  public String writeTo(Configuration hadoopConf) throws IOException {
    Path path = new Path(warehouse + "/runs/" + runId + ".json");
    FileSystem fs = path.getFileSystem(hadoopConf);
    try (OutputStream out = fs.create(path, true)) {
      out.write(toJson().getBytes(StandardCharsets.UTF_8));
    }
    return fs.makeQualified(path).toString();
  }

  /** Also writes the summary to a local file (--summary-json). */
  public void writeLocal(java.nio.file.Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }
}
