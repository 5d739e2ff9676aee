package org.patientinsight.serving.limits;

/**
 * The sliding-window estimate of requests in the last minute from two fixed one-minute
 * windows: the current window's count plus the previous window's count weighted by how much of
 * it still lies inside the last 60 s. Pure arithmetic, shared by the stores that count.
 */
public final class SlidingWindow {
  public static final long WINDOW_MILLIS = 60_000L;

  private SlidingWindow() {}

  /** The fixed window an instant falls in. */
  public static long windowOf(long epochMillis) {
    return Math.floorDiv(epochMillis, WINDOW_MILLIS);
  }

  /** How many of the previous window's requests still count at this instant. */
  public static double previousWeight(long epochMillis) {
    long into = Math.floorMod(epochMillis, WINDOW_MILLIS);
    return 1.0 - into / (double) WINDOW_MILLIS;
  }

  /**
   * Whole seconds (≥ 1) until one more request fits: when the current window alone is full, its
   * end; otherwise when the previous window's weight has decayed enough.
   */
  public static long secondsUntilRoom(long epochMillis, long previous, long current, int perMinute) {
    long into = Math.floorMod(epochMillis, WINDOW_MILLIS);
    long waitMillis;
    if (current + 1 > perMinute || previous == 0) {
      waitMillis = WINDOW_MILLIS - into;
    } else {
      // previous * (1 - t / W) + current + 1 <= perMinute  ⇔  t >= W * (1 - (perMinute - current - 1) / previous)
      double t = WINDOW_MILLIS * (1.0 - (perMinute - current - 1) / (double) previous);
      waitMillis = (long) Math.ceil(t) - into;
    }
    return Math.max(1, (long) Math.ceil(waitMillis / 1000.0));
  }
}
