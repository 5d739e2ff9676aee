package org.patientinsight.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackPayloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void hasFallbackTextHeaderSummaryFieldsAndContext() throws Exception {
    JsonNode p = JSON.readTree(SlackPayload.toJson(TestAlerts.drift()));
    assertTrue(p.get("text").asText().startsWith("[ALERT] Age drift detected"));
    JsonNode blocks = p.get("blocks");
    assertEquals("header", blocks.get(0).get("type").asText());
    assertEquals("plain_text", blocks.get(0).get("text").get("type").asText());
    assertEquals("section", blocks.get(1).get("type").asText());
    JsonNode fields = blocks.get(2).get("fields");
    assertEquals(6, fields.size());
    assertEquals("*ks_d*\n0.2310", fields.get(0).get("text").asText());
    assertEquals("context", blocks.get(blocks.size() - 1).get("type").asText());
  }

  @Test
  void splitsMoreThanTenFieldsOverSections() throws Exception {
    Map<String, Object> f = new LinkedHashMap<>();
    for (int i = 0; i < 23; i++) {
      f.put("f" + i, i);
    }
    Alert a = new Alert("k", Severity.WARNING, "t", "", f, "r", null);
    JsonNode blocks = JSON.readTree(SlackPayload.toJson(a)).get("blocks");
    // header, 3 field sections (10+10+3), context; no summary section when summary is empty
    assertEquals(5, blocks.size());
    assertEquals(10, blocks.get(1).get("fields").size());
    assertEquals(3, blocks.get(3).get("fields").size());
  }
}
