package org.patientinsight.quality.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named, versioned reference age distribution: the histograms of {@code sourceTable} at
 * Delta version {@code sourceVersion}, frozen at {@code createdAt}. Reports name the baseline
 * and version they used.
 */
public record Baseline(String name, int version, Instant createdAt, String sourceTable, long sourceVersion,
    AgeHistograms histograms) {
  public static final String SCHEMA = "patient-insight/drift-baseline@1";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  public Baseline {
    checkName(name);
    if (version < 1) {
      throw new IllegalArgumentException("baseline version must be >= 1, got " + version);
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(sourceTable, "sourceTable");
    Objects.requireNonNull(histograms, "histograms");
  }

  static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("baseline name must be 1-64 letters, digits, '_' or '-', got '" + name + "'");
    }
    return name;
  }

  /** e.g. {@code cases@v3}. */
  public String ref() {
    return name + "@v" + version;
  }

  public ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("schema", SCHEMA);
    n.put("name", name);
    n.put("version", version);
    n.put("created_at", createdAt.toString());
    n.put("source_table", sourceTable);
    n.put("source_version", sourceVersion);
    n.set("histograms", histograms.toJson());
    return n;
  }

  public static Baseline fromJson(JsonNode n) {
    if (n == null || !SCHEMA.equals(n.path("schema").asText(""))) {
      throw new IllegalArgumentException("baseline JSON must have schema '" + SCHEMA + "'");
    }
    Instant created;
    try {
      created = Instant.parse(n.path("created_at").asText(""));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("baseline 'created_at' is not an ISO-8601 instant");
    }
    if (!n.path("version").canConvertToInt() || !n.path("source_version").canConvertToLong()) {
      throw new IllegalArgumentException("baseline 'version' and 'source_version' must be integers");
    }
    return new Baseline(n.path("name").asText(null), n.path("version").asInt(), created,
        n.path("source_table").asText(""), n.path("source_version").asLong(),
        AgeHistograms.fromJson(n.get("histograms")));
  }
}
