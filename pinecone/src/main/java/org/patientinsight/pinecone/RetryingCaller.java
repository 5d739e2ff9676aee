package org.patientinsight.pinecone;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.patientinsight.core.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Pinecone call with retries: the project's {@link RetryPolicy} with full jitter
 * (sleep = random(0, min(max, base * 2^n))) on the statuses Pinecone uses for throttling and
 * transient trouble; everything else fails at once with a message a user can act on.
 */
final class RetryingCaller {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingCaller.class);

  static final Set<Status.Code> RETRYABLE = EnumSet.of(Status.Code.RESOURCE_EXHAUSTED,
      Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.ABORTED);

  private final RetryPolicy policy;

  RetryingCaller(int maxAttempts, long baseBackoffMillis, long maxBackoffMillis,
      RetryPolicy.Sleeper sleeper) {
    this.policy = RetryPolicy.exponential(maxAttempts, Duration.ofMillis(baseBackoffMillis),
            Duration.ofMillis(maxBackoffMillis))
        .withJitter(RetryPolicy.Jitter.FULL)
        .withSleeper(sleeper)
        .retryingOn(e -> e instanceof PineconeStoreException p && p.retryable());
  }

  RetryingCaller(PineconeSettings s) {
    this(s.maxAttempts(), s.baseBackoffMillis(), s.maxBackoffMillis(), RetryPolicy.THREAD_SLEEP);
  }

  /**
   * @param operation what is called, for messages ("upsert")
   * @param detail sizes/counts for messages, never content ("batch 2/5, 100 vectors, 1.2 MB")
   */
  <T> T call(String operation, String detail, Supplier<T> attempt) {
    RetryPolicy logged = policy.onRetry((n, e, delay) -> LOG.warn(
        "pinecone {} ({}) attempt {}/{} got {}; retrying in {} ms", operation, detail, n,
        policy.maxAttempts(), ((PineconeStoreException) e).status(), delay.toMillis()));
    try {
      return logged.run(n -> {
        try {
          return attempt.get();
        } catch (StatusRuntimeException e) {
          throw failure(operation, detail, e.getStatus(), n,
              RETRYABLE.contains(e.getStatus().getCode()), e);
        }
      });
    } catch (RetryPolicy.Interrupted i) {
      PineconeStoreException last = (PineconeStoreException) i.lastFailure();
      throw new PineconeStoreException("pinecone " + operation + " interrupted while "
          + "backing off", operation, last.status(), i.attempts(), true, i.getCause());
    }
  }

  /** Full jitter: uniform in [0, min(max, base * 2^(attempt-1))]. */
  long backoffMillis(int attempt) {
    return policy.delay(attempt, null).toMillis();
  }

  private PineconeStoreException failure(String operation, String detail, Status status,
      int attempts, boolean retryable, Throwable cause) {
    String why = switch (status.getCode()) {
      case UNAUTHENTICATED -> "the API key was refused; check " + PineconeSettings.API_KEY_ENV;
      case PERMISSION_DENIED -> "the API key may not use this index; check "
          + PineconeSettings.API_KEY_ENV + " and pinecone.host/pinecone.index";
      case INVALID_ARGUMENT -> "Pinecone rejected the request (not retried)";
      case NOT_FOUND -> "index or namespace not found; check pinecone.host/pinecone.index";
      case DEADLINE_EXCEEDED -> "no answer within pinecone.deadline_ms";
      default -> retryable ? "still failing after " + attempts + " attempts"
          : "not a transient error (not retried)";
    };
    String message = "pinecone " + operation + " failed (" + detail + "): " + status.getCode()
        + " after " + attempts + " attempt(s); " + why + serverSays(status);
    return new PineconeStoreException(message, operation, status.getCode().name(), attempts,
        retryable, cause);
  }

  /** Pinecone's own description, shortened: it names limits and sizes, not record content. */
  private static String serverSays(Status status) {
    String d = status.getDescription();
    if (d == null || d.isBlank()) {
      return "";
    }
    return ". Server said: " + (d.length() > 200 ? d.substring(0, 200) + "…" : d);
  }
}
