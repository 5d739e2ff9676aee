package org.patientinsight.sparkapps.submit;

import java.time.Duration;

/** The time a poll loop reads and waits on; tests give one that moves only when it waits. */
public interface PollClock {
  /** A monotonic reading, as {@link System#nanoTime()}. */
  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;

  PollClock SYSTEM = new PollClock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis());
    }
  };
}
