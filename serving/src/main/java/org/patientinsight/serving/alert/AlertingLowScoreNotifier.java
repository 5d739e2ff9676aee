package org.patientinsight.serving.alert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.patientinsight.core.alert.Alert;
import org.patientinsight.core.alert.AlertDispatcher;
import org.patientinsight.core.alert.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends low-score retrievals to the project's alert sinks (log, webhook, SNS, e-mail), at
 * most one per interval, on a background thread so a slow sink never delays a response.
 * The alert says how many events were held back since the last one.
 */
public final class AlertingLowScoreNotifier implements LowScoreNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(AlertingLowScoreNotifier.class);

  private final AlertDispatcher dispatcher;
  private final IntervalRateLimiter limiter;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "low-score-alerts");
    t.setDaemon(true);
    return t;
  });

  public AlertingLowScoreNotifier(AlertDispatcher dispatcher, IntervalRateLimiter limiter) {
    this.dispatcher = dispatcher;
    this.limiter = limiter;
  }

  @Override
  public void notify(LowScoreEvent e) {
    if (!limiter.tryAcquire()) {
      return;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("analysis_id", e.analysisId());
    fields.put("best_score", e.bestScore());
    fields.put("threshold", e.threshold());
    fields.put("cases", e.cases());
    fields.put("retrieval_mode", e.retrievalMode());
    fields.put("held_back_since_last_alert", limiter.drainSuppressed());
    Alert alert = new Alert("low_retrieval_score", Severity.WARNING,
        "Low similarity in case retrieval",
        "The best similar case scored below the threshold; the report rests on weak evidence.",
        fields, e.analysisId(), null);
    try {
      sender.execute(() -> dispatcher.dispatch(alert));
    } catch (RejectedExecutionException ex) {
      LOG.warn("low-score alert dropped: notifier is closed");
    }
  }

  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    dispatcher.close();
  }
}
