package org.patientinsight.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.TestServer;

/** Everything the service logs while analysing is JSON with ids and figures, never the text. */
class LogPrivacyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void logsCarryIdsAndScoresButNoSymptomOrNoteText() throws Exception {
    StringWriter out = new StringWriter();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration cfg = ctx.getConfiguration();
    WriterAppender capture = WriterAppender.newBuilder().setName("privacy-capture").setTarget(out)
        .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build()).build();
    capture.start();
    cfg.getLoggerConfig("patientinsight.events").addAppender(capture, null, null);
    cfg.getRootLogger().addAppender(capture, null, null);
    ctx.updateLoggers();
    String marker = "zebrafish tingling";
    try (TestServer s = new TestServer(Files.createTempDirectory("privacy"))) {
      String id = JSON.readTree(s.post("/api/v1/analyses", "{\"symptoms\":\"" + marker
          + " with crushing chest pain\"}", TestServer.KEY).body()).path("id").asText();
      s.post("/api/v1/analyses/" + id + "/questions", "{\"question\":\"" + marker + " stent?\"}",
          TestServer.KEY);
      s.post("/api/v1/analyses", "{\"symptoms\":\"" + marker + "\",\"topK\":99}", TestServer.KEY);
    } finally {
      cfg.getLoggerConfig("patientinsight.events").removeAppender("privacy-capture");
      cfg.getRootLogger().removeAppender("privacy-capture");
      ctx.updateLoggers();
    }
    String log = out.toString();
    assertFalse(log.contains("zebrafish"), "symptom text leaked into the log");
    assertFalse(log.contains("stent"), "question or note text leaked into the log");
    assertFalse(log.contains("drug-eluting"), "note text leaked into the log");
    int events = 0;
    for (String line : log.split("\n")) {
      if (line.startsWith("{\"ts\"")) {
        JsonNode e = JSON.readTree(line);
        if (e.path("event").asText().equals("retrieval")) {
          assertTrue(e.path("symptoms_chars").asInt() > 0);
          assertTrue(e.has("best_score"));
          events++;
        }
      }
    }
    assertEquals(1, events, log);
  }
}
