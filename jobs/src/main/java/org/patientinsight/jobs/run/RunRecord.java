package org.patientinsight.jobs.run;

import org.patientinsight.core.config.Redaction;
import org.patientinsight.core.config.WarehouseLayout;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The record of one batch command, built once from its stages' typed results: what ran, on
 * what, how it ended, the counts that must reconcile, seconds per step, the Delta version of
 * every table written, and a section per stage. It is what the summary JSON
 * ({@code <warehouse>/runs/<run_id>.json}), the report's counts and MLflow are written from;
 * it holds figures only, never patient text, and is written redacted (no credential of a URI). Immutable: {@link #withSection} returns a copy.
 */
public final class RunRecord {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** The counts every summary has, in this order, so the reconciliation line always reads the same. */
  private static final List<String> RECONCILED = List.of("read", "inserted", "updated", "unchanged",
      "quarantined", "superseded");

  private final RunIdentity id;
  private final Instant finishedAt;
  private final RunStatus status;
  private final String error;
  private final Map<String, Long> counts;
  private final Map<String, Double> stageSeconds;
  private final Map<String, Long> tableVersions;
  private final Map<String, Object> sections;

  private RunRecord(RunIdentity id, Instant finishedAt, RunStatus status, String error, Map<String, Long> counts,
      Map<String, Double> stageSeconds, Map<String, Long> tableVersions, Map<String, Object> sections) {
    this.id = id;
    this.finishedAt = finishedAt;
    this.status = status;
    this.error = Redaction.text(error); // an error may quote a URI typed with its credentials
    this.counts = Collections.unmodifiableMap(counts);
    this.stageSeconds = Collections.unmodifiableMap(stageSeconds);
    this.tableVersions = Collections.unmodifiableMap(tableVersions);
    this.sections = Collections.unmodifiableMap(sections);
  }

  /** The record of a run that has ended (or, with {@link RunStatus#RUNNING}, of one under way). */
  public static RunRecord of(RunIdentity id, List<StageResult> results, Map<String, Double> stageSeconds,
      RunStatus status, String error, Instant finishedAt) {
    Map<String, Long> counts = new LinkedHashMap<>();
    RECONCILED.forEach(k -> counts.put(k, 0L));
    Map<String, Long> versions = new LinkedHashMap<>();
    Map<String, Object> sections = new LinkedHashMap<>();
    for (StageResult r : results) {
      counts.putAll(r.counts());
      versions.putAll(r.tableVersions());
      r.sections().forEach((name, value) -> sections.merge(name, value, RunRecord::mergeSection));
    }
    return new RunRecord(id, finishedAt, status, error, counts, new LinkedHashMap<>(stageSeconds), versions,
        sections);
  }

  /** Two results filling one section (the gate's figures, then the report's paths) are joined. */
  private static Object mergeSection(Object a, Object b) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      Map<Object, Object> m = new LinkedHashMap<>(ma);
      m.putAll(mb);
      return m;
    }
    return b;
  }

  /** A copy with one more (or a replaced) section. */
  public RunRecord withSection(String name, Object value) {
    Map<String, Object> s = new LinkedHashMap<>(sections);
    s.put(name, value);
    return new RunRecord(id, finishedAt, status, error, counts, stageSeconds, tableVersions, s);
  }

  public String runId() {
    return id.runId();
  }

  public String command() {
    return id.command();
  }

  public String input() {
    return id.input();
  }

  public String warehouse() {
    return id.warehouse();
  }

  public Instant startedAt() {
    return id.startedAt();
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

  /** The summary as it is written: every string in it redacted ({@link Redaction}), input and warehouse included. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> toMap() {
    return (Map<String, Object>) Redaction.deep(rawMap());
  }

  private Map<String, Object> rawMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", id.runId());
    m.put("command", id.command());
    m.put("status", status.name());
    m.put("started_at", id.startedAt().toString());
    m.put("finished_at", finishedAt == null ? null : finishedAt.toString());
    m.put("input", id.input());
    m.put("warehouse", id.warehouse());
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
    Path path = new Path(id.layout().runSummary(id.runId()));
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
