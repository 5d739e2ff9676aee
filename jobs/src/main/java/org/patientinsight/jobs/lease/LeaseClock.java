package org.patientinsight.jobs.lease;

import java.time.Duration;
import java.time.Instant;

/** The time the lease rules see, and how a waiting run passes time: a fake one in tests. */
public interface LeaseClock {
  Instant now();

  void sleep(Duration d) throws InterruptedException;

  LeaseClock SYSTEM = new LeaseClock() {
    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
      Thread.sleep(d.toMillis());
    }
  };
}
