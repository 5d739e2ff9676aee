package org.patientinsight.serving.limits;

/** Requests per minute per API key (its hash id): may this request go ahead, or how long to wait. */
public interface RequestRateLimiter {
  /** 0 when the request may go ahead (it is then counted); otherwise whole seconds to wait, ≥ 1 (Retry-After). */
  long secondsUntilAllowed(String keyId);
}
