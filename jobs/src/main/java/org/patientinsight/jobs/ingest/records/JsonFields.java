package org.patientinsight.jobs.ingest.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One JSON record's text as raw fields: a string member as it is; a number, a nested array
 * (the age) or an object (the relevance dicts) as its compact JSON text; null or absent as
 * null. Text that is not a JSON object is a broken record, kept whole.
 */
final class JsonFields {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonFields() {}

  static RawRecord record(long offset, byte[] bytes, List<String> columns) {
    String[] fields = new String[columns.size()];
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node != null && node.isObject()) {
        for (int i = 0; i < fields.length; i++) {
          JsonNode v = node.get(columns.get(i));
          fields[i] = v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
        }
        return new RawRecord(offset, fields, null, null);
      }
    } catch (IOException e) {
      // not JSON: a broken record
    }
    return new RawRecord(offset, fields, new String(bytes, StandardCharsets.UTF_8), null);
  }
}
