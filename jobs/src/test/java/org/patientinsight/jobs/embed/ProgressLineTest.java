package org.patientinsight.jobs.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void rateAndTimeLeftFromDoneTotalAndElapsed() {
    assertEquals("embedding 1,200/6,000 texts (20%), 40.0 texts/s, ETA 2m00s",
        ProgressLine.of("embedding", 1200, 6000, 30));
    assertEquals("embedding 0/10 texts (0%), 0.0 texts/s, ETA unknown", ProgressLine.of("embedding", 0, 10, 5));
    assertEquals("embedding 10/10 texts (100%), 2.0 texts/s, done", ProgressLine.of("embedding", 10, 10, 5));
  }

  @Test
  void durationsReadLikeAClock() {
    assertEquals("9s", ProgressLine.duration(9.4));
    assertEquals("1m15s", ProgressLine.duration(75));
    assertEquals("1h02m", ProgressLine.duration(3725));
  }
}
