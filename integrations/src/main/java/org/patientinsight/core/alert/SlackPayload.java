package org.patientinsight.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON body a Slack incoming webhook accepts: a top-level {@code text} (the fallback shown
 * in notifications, and all a generic webhook consumer needs) plus Block Kit {@code blocks}
 * with the figures as section fields. Slack allows at most 10 fields per section, so fields
 * are split over as many sections as needed.
 */
public final class SlackPayload {
  static final int MAX_FIELDS_PER_SECTION = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackPayload() {
  }

  public static String toJson(Alert a) {
    ObjectNode root = JSON.createObjectNode();
    root.put("text", AlertText.subject(a) + (a.summary().isEmpty() ? "" : " — " + a.summary()));
    ArrayNode blocks = root.putArray("blocks");

    ObjectNode header = blocks.addObject();
    header.put("type", "header");
    plainText(header.putObject("text"), (a.severity() == Severity.ALERT ? "🚨 " : "⚠️ ") + a.title());

    if (!a.summary().isEmpty()) {
      ObjectNode section = blocks.addObject();
      section.put("type", "section");
      mrkdwn(section.putObject("text"), a.summary());
    }

    List<Map.Entry<String, Object>> entries = new ArrayList<>(a.fields().entrySet());
    for (int i = 0; i < entries.size(); i += MAX_FIELDS_PER_SECTION) {
      ObjectNode section = blocks.addObject();
      section.put("type", "section");
      ArrayNode fields = section.putArray("fields");
      for (Map.Entry<String, Object> e : entries.subList(i, Math.min(entries.size(), i + MAX_FIELDS_PER_SECTION))) {
        mrkdwn(fields.addObject(), "*" + e.getKey() + "*\n" + AlertText.formatValue(e.getValue()));
      }
    }

    ObjectNode context = blocks.addObject();
    context.put("type", "context");
    mrkdwn(context.putArray("elements").addObject(),
        "kind `" + a.kind() + "` · severity " + a.severity() + " · run `" + a.runId() + "` · " + a.timestamp());
    return root.toString();
  }

  private static void plainText(ObjectNode node, String text) {
    node.put("type", "plain_text");
    node.put("text", text);
  }

  private static void mrkdwn(ObjectNode node, String text) {
    node.put("type", "mrkdwn");
    node.put("text", text);
  }
}
