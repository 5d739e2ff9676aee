package org.patientinsight.sparkapps.submit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A poll clock that moves only when the loop waits, and runs {@code duringWait} in each wait:
 * whatever "happens meanwhile" in a test (an operator changing the state) happens there, in
 * the waiting thread, so there are no threads to coordinate and no real time passes.
 */
public final class FakePollClock implements PollClock {
  private long now = 1_000_000_000L;
  private final List<Duration> waits = new ArrayList<>();
  private Runnable duringWait = () -> { };

  public FakePollClock duringWait(Runnable action) {
    this.duringWait = action;
    return this;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    now += duration.toNanos();
    duringWait.run();
  }

  public List<Duration> waits() {
    return waits;
  }

  /** All the (fake) time waited so far. */
  public Duration waited() {
    return waits.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
