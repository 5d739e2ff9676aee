package org.patientinsight.serving.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {
  private static final long W = SlidingWindow.WINDOW_MILLIS;

  @Test
  void windowsAreWholeEpochMinutes() {
    assertEquals(0, SlidingWindow.windowOf(0));
    assertEquals(0, SlidingWindow.windowOf(W - 1));
    assertEquals(1, SlidingWindow.windowOf(W));
    assertEquals(-1, SlidingWindow.windowOf(-1));
  }

  @Test
  void thePreviousWindowFadesOutOverTheMinute() {
    assertEquals(1.0, SlidingWindow.previousWeight(5 * W), 1e-12);
    assertEquals(0.75, SlidingWindow.previousWeight(5 * W + 15_000), 1e-12);
    assertEquals(0.5, SlidingWindow.previousWeight(5 * W + 30_000), 1e-12);
  }

  @Test
  void aFullCurrentWindowWaitsForItsEnd() {
    // 10 of 10 used 15 s into the window: room again when it ends, 45 s later
    assertEquals(45, SlidingWindow.secondsUntilRoom(5 * W + 15_000, 0, 10, 10));
    assertEquals(45, SlidingWindow.secondsUntilRoom(5 * W + 15_000, 7, 10, 10));
  }

  @Test
  void otherwiseUntilThePreviousWindowHasFadedEnough() {
    // previous 10, current 4, limit 10, 15 s in: 10 * (1 - t/60) + 5 <= 10 at t = 30 s → 15 s more
    assertEquals(15, SlidingWindow.secondsUntilRoom(5 * W + 15_000, 10, 4, 10));
    // never less than a second
    assertEquals(1, SlidingWindow.secondsUntilRoom(5 * W + 29_999, 10, 4, 10));
  }
}
