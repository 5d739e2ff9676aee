package org.patientinsight.serving.generate;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with "equal jitter": attempt n waits between half and all of
 * base * 2^(n-1), capped, so concurrent callers do not retry in lock-step. A server's
 * Retry-After wins when it asks for longer (up to the cap).
 */
public final class Backoff {
  private final long baseMillis;
  private final long capMillis;

  public Backoff(long baseMillis, long capMillis) {
    if (baseMillis < 0 || capMillis < baseMillis) {
      throw new IllegalArgumentException("need 0 <= base <= cap, got " + baseMillis + ", " + capMillis);
    }
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
  }

  /** @param attempt the attempt that just failed, from 1 */
  public long delayMillis(int attempt, Long retryAfterMillis) {
    long exp = Math.min(capMillis, baseMillis << Math.min(attempt - 1, 30));
    long half = exp / 2;
    long d = half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    if (retryAfterMillis != null && retryAfterMillis > d) {
      d = Math.min(retryAfterMillis, capMillis);
    }
    return d;
  }
}
