package org.patientinsight.serving.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.alert.Alert;
import org.patientinsight.core.alert.AlertDispatcher;
import org.patientinsight.core.alert.AlertSink;

class AlertingLowScoreNotifierTest {
  @Test
  void sendsRateLimitedAlertsWithFiguresOnly() {
    List<Alert> sent = new CopyOnWriteArrayList<>();
    AlertSink sink = new AlertSink() {
      @Override
      public String name() {
        return "capture";
      }

      @Override
      public void send(Alert alert) {
        sent.add(alert);
      }
    };
    AtomicLong now = new AtomicLong(0);
    AlertingLowScoreNotifier n = new AlertingLowScoreNotifier(new AlertDispatcher(List.of(sink)),
        new IntervalRateLimiter(60_000, now::get));
    n.notify(new LowScoreEvent("a-1", 0.31, 0.5, 3, "bm25"));
    n.notify(new LowScoreEvent("a-2", 0.2, 0.5, 3, "bm25"));
    n.notify(new LowScoreEvent("a-3", 0.2, 0.5, 3, "bm25"));
    now.addAndGet(60_000_000_000L);
    n.notify(new LowScoreEvent("a-4", 0.4, 0.5, 3, "bm25"));
    n.close(); // waits for the background sends
    assertEquals(2, sent.size());
    Alert first = sent.get(0);
    assertEquals("low_retrieval_score", first.kind());
    assertEquals(0.31, first.fields().get("best_score"));
    assertEquals("a-1", first.fields().get("analysis_id"));
    assertEquals(2L, sent.get(1).fields().get("held_back_since_last_alert"));
  }
}
