package org.patientinsight.core.alert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patientinsight.core.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each alert to every configured sink. A failing sink is logged and counted, and never
 * stops the other sinks or the caller: {@link #dispatch} does not throw.
 */
public final class AlertDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

  private final List<AlertSink> sinks;
  private final Map<String, SinkTally> tallies = new LinkedHashMap<>();

  public AlertDispatcher(List<AlertSink> sinks) {
    this.sinks = List.copyOf(sinks);
    for (AlertSink s : this.sinks) {
      if (tallies.putIfAbsent(s.name(), new SinkTally(0, 0)) != null) {
        throw new IllegalArgumentException("two alert sinks are named '" + s.name() + "'");
      }
    }
  }

  /** The sinks the configuration asks for; the log sink is always first. See {@link AlertSinkFactory}. */
  public static AlertDispatcher fromSettings(Settings settings, Map<String, String> env) {
    return new AlertDispatcher(AlertSinkFactory.sinks(settings, env));
  }

  public synchronized AlertOutcome dispatch(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    List<String> delivered = new ArrayList<>();
    Map<String, String> failures = new LinkedHashMap<>();
    for (AlertSink sink : sinks) {
      boolean ok;
      try {
        sink.send(alert);
        delivered.add(sink.name());
        ok = true;
      } catch (RuntimeException | LinkageError e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        failures.put(sink.name(), why);
        LOG.warn("alert sink '{}' failed for alert kind={} run_id={}: {}", sink.name(), alert.kind(),
            alert.runId(), why);
        ok = false;
      }
      tallies.put(sink.name(), tallies.get(sink.name()).plus(ok));
    }
    return new AlertOutcome(delivered, failures);
  }

  /** Sent/failed counts per sink since this dispatcher was made (for run metrics). */
  public synchronized Map<String, SinkTally> tallies() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(tallies));
  }

  public List<String> sinkNames() {
    return sinks.stream().map(AlertSink::name).toList();
  }

  /** Closes sinks that hold resources (the SNS client); errors are logged, not thrown. */
  @Override
  public void close() {
    for (AlertSink s : sinks) {
      if (s instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.warn("closing alert sink '{}' failed: {}", s.name(), e.toString());
        }
      }
    }
  }
}
