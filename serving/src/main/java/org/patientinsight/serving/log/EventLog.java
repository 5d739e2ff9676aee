package org.patientinsight.serving.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structured JSON events, one object per line on the {@code patientinsight.events} logger.
 * Callers add ids, lengths, counts and scores; there is deliberately no way to add free text
 * other than short codes, so symptom text and notes cannot end up in the log.
 */
public final class EventLog {
  private static final Logger LOG = LoggerFactory.getLogger("patientinsight.events");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CODE = 80;

  private final ObjectNode node = JSON.createObjectNode();
  private final boolean warn;

  private EventLog(String event, boolean warn) {
    this.warn = warn;
    node.put("ts", Instant.now().toString());
    node.put("level", warn ? "WARN" : "INFO");
    node.put("event", event);
  }

  public static EventLog info(String event) {
    return new EventLog(event, false);
  }

  public static EventLog warn(String event) {
    return new EventLog(event, true);
  }

  public EventLog num(String key, Number value) {
    if (value == null) {
      node.putNull(key);
    } else if (value instanceof Double || value instanceof Float) {
      node.put(key, value.doubleValue());
    } else {
      node.put(key, value.longValue());
    }
    return this;
  }

  public EventLog flag(String key, boolean value) {
    node.put(key, value);
    return this;
  }

  /** An id or short code (route, status word, generator name); longer values are cut. */
  public EventLog code(String key, String value) {
    node.put(key, value == null ? null
        : value.length() <= MAX_CODE ? value : value.substring(0, MAX_CODE));
    return this;
  }

  public void log() {
    if (warn) {
      LOG.warn(node.toString());
    } else if (LOG.isInfoEnabled()) {
      LOG.info(node.toString());
    }
  }
}
