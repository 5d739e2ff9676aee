package org.patientinsight.jobs.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pinned embedding baseline (its {@code baseline.json}): which embeddings it was sampled
 * from, and per topic cluster of its KMeans model the sample count, the most frequent title
 * words and the mean vector (the centroid batch centroids are compared with). The sample
 * vectors and the model itself sit beside it ({@link EmbeddingBaselineStore}).
 */
public record EmbeddingBaseline(String name, int version, Instant createdAt, String modelId, long sourceVersion,
    long sampleRows, List<Cluster> clusters, double[] mean) {
  public static final String SCHEMA = "patient-insight/embedding-baseline@1";

  public record Cluster(int id, long count, List<String> titleWords, double[] centroid) {}

  public String ref() {
    return name + "@v" + version;
  }

  ObjectNode toJson() {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("schema", SCHEMA);
    n.put("name", name);
    n.put("version", version);
    n.put("created_at", createdAt.toString());
    n.put("model_id", modelId);
    n.put("source_version", sourceVersion);
    n.put("sample_rows", sampleRows);
    ArrayNode cs = n.putArray("clusters");
    for (Cluster c : clusters) {
      ObjectNode o = cs.addObject();
      o.put("id", c.id());
      o.put("count", c.count());
      ArrayNode w = o.putArray("title_words");
      c.titleWords().forEach(w::add);
      ArrayNode v = o.putArray("centroid");
      for (double d : c.centroid()) {
        v.add(d);
      }
    }
    ArrayNode m = n.putArray("mean");
    for (double d : mean) {
      m.add(d);
    }
    return n;
  }

  static EmbeddingBaseline fromJson(JsonNode n) {
    if (n == null || !SCHEMA.equals(n.path("schema").asText(""))) {
      throw new IllegalArgumentException("embedding baseline JSON must have schema '" + SCHEMA + "'");
    }
    List<Cluster> clusters = new ArrayList<>();
    for (JsonNode c : n.path("clusters")) {
      List<String> words = new ArrayList<>();
      c.path("title_words").forEach(w -> words.add(w.asText()));
      clusters.add(new Cluster(c.path("id").asInt(), c.path("count").asLong(), words, doubles(c.path("centroid"))));
    }
    return new EmbeddingBaseline(n.path("name").asText(), n.path("version").asInt(),
        Instant.parse(n.path("created_at").asText()), n.path("model_id").asText(), n.path("source_version").asLong(),
        n.path("sample_rows").asLong(), clusters, doubles(n.path("mean")));
  }

  private static double[] doubles(JsonNode arr) {
    double[] d = new double[arr.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = arr.get(i).asDouble();
    }
    return d;
  }
}
