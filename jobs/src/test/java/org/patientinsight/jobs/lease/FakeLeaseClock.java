package org.patientinsight.jobs.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when told to, or when someone sleeps on it (the sleep is recorded). */
final class FakeLeaseClock implements LeaseClock {
  private Instant now;
  final List<Duration> sleeps = new ArrayList<>();
  private Runnable onSleep = () -> {};

  FakeLeaseClock(Instant start) {
    this.now = start;
  }

  /** Runs {@code action} after every sleep (e.g. the holder's own progress). */
  FakeLeaseClock onSleep(Runnable action) {
    this.onSleep = action;
    return this;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public void sleep(Duration d) {
    synchronized (this) {
      sleeps.add(d);
      now = now.plus(d);
    }
    onSleep.run();
  }
}
