package org.patientinsight.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads run summary JSON files in tests. */
public final class Summaries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Summaries() {}

  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read summary " + file, e);
    }
  }

  public static long count(JsonNode summary, String name) {
    return summary.path("counts").path(name).asLong(-1);
  }
}
