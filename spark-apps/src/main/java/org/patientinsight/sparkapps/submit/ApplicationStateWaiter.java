package org.patientinsight.sparkapps.submit;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;
import org.patientinsight.sparkapps.model.ApplicationState;
import org.patientinsight.sparkapps.model.SparkApplication;

/**
 * Follows a SparkApplication's {@code status.applicationState.state} until the operator reports a
 * terminal state (COMPLETED or FAILED) or the timeout passes. Polls rather than watches: a poll
 * survives API server restarts and proxies that cut long-lived connections, and a run takes minutes.
 */
public final class ApplicationStateWaiter {
  private final KubernetesClient client;
  private final Duration pollInterval;
  private final PollClock clock;

  public ApplicationStateWaiter(KubernetesClient client, Duration pollInterval) {
    this(client, pollInterval, PollClock.SYSTEM);
  }

  public ApplicationStateWaiter(KubernetesClient client, Duration pollInterval, PollClock clock) {
    this.client = client;
    this.clock = clock;
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive, got " + pollInterval);
    }
    this.pollInterval = pollInterval;
  }

  public WaitResult await(String namespace, String name, Duration timeout, StateListener listener)
      throws InterruptedException {
    long start = clock.nanoTime();
    long deadline = start + timeout.toNanos();
    String seen = null;
    boolean first = true;
    while (true) {
      SparkApplication app = client.resources(SparkApplication.class).inNamespace(namespace).withName(name).get();
      Duration waited = Duration.ofNanos(clock.nanoTime() - start);
      if (app == null) {
        return new WaitResult(WaitOutcome.DISAPPEARED, seen, null, waited);
      }
      String state = app.currentState().orElse(null);
      if (first || !Objects.equals(state, seen)) {
        listener.onChange(first ? null : seen, state);
        seen = state;
        first = false;
      }
      if (ApplicationState.COMPLETED.equals(state)) {
        return new WaitResult(WaitOutcome.COMPLETED, state, null, waited);
      }
      if (ApplicationState.FAILED.equals(state)) {
        return new WaitResult(WaitOutcome.FAILED, state, app.getStatus().getApplicationState().getErrorMessage(), waited);
      }
      long remaining = deadline - clock.nanoTime();
      if (remaining <= 0) {
        return new WaitResult(WaitOutcome.TIMED_OUT, state, null, Duration.ofNanos(clock.nanoTime() - start));
      }
      clock.sleep(Duration.ofMillis(Math.max(1, Math.min(pollInterval.toMillis(), remaining / 1_000_000))));
    }
  }
}
