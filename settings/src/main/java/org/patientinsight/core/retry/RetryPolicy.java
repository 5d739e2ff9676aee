package org.patientinsight.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one back-off policy of the project (Pinecone, MLflow, the LLM clients): attempt n that
 * fails waits {@code min(cap, base * 2^(n-1))}, spread by a {@link Jitter} so concurrent callers
 * do not retry in lock-step; a wait the server asked for (Retry-After) wins when it is longer,
 * up to the cap. A predicate decides which failures are worth another attempt; after
 * {@code maxAttempts} the last failure is thrown as it is. Waiting goes through a {@link Sleeper}
 * and jitter through a random source, both replaceable, so tests never sleep.
 *
 * <p>Immutable: the {@code with…} methods return a changed copy.
 */
public final class RetryPolicy {

  /** How the exponential delay d is spread. */
  public enum Jitter {
    /** exactly d */
    NONE,
    /** uniform in [d/2, d] */
    EQUAL,
    /** uniform in [0, d) */
    FULL
  }

  /** Waits; the real one is {@link #THREAD_SLEEP}. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** One try of the call; {@code attempt} counts from 1. */
  @FunctionalInterface
  public interface Attempt<T, E extends Exception> {
    T run(int attempt) throws E;
  }

  /** Told before each wait (for a log line); never sees what the call carried. */
  @FunctionalInterface
  public interface Listener {
    void retrying(int failedAttempt, Exception failure, Duration delay);
  }

  /** The thread was interrupted while waiting to retry; the interrupt flag is set again. */
  public static final class Interrupted extends Exception {
    private final int attempts;
    private final transient Exception lastFailure;

    Interrupted(int attempts, Exception lastFailure, InterruptedException cause) {
      super("interrupted while backing off after attempt " + attempts, cause);
      this.attempts = attempts;
      this.lastFailure = lastFailure;
    }

    /** How many attempts were made. */
    public int attempts() {
      return attempts;
    }

    /** The failure that was going to be retried. */
    public Exception lastFailure() {
      return lastFailure;
    }
  }

  public static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

  private final int maxAttempts;
  private final long baseMillis;
  private final long capMillis;
  private final Jitter jitter;
  private final Predicate<? super Exception> retryable;
  private final Function<? super Exception, Duration> serverDelay;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Listener listener;

  private RetryPolicy(int maxAttempts, long baseMillis, long capMillis, Jitter jitter,
      Predicate<? super Exception> retryable, Function<? super Exception, Duration> serverDelay,
      Sleeper sleeper, DoubleSupplier random, Listener listener) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("need at least 1 attempt, got " + maxAttempts);
    }
    if (baseMillis < 0 || capMillis < baseMillis) {
      throw new IllegalArgumentException("need 0 <= base <= cap, got " + baseMillis + " ms, "
          + capMillis + " ms");
    }
    this.maxAttempts = maxAttempts;
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
    this.jitter = Objects.requireNonNull(jitter);
    this.retryable = Objects.requireNonNull(retryable);
    this.serverDelay = Objects.requireNonNull(serverDelay);
    this.sleeper = Objects.requireNonNull(sleeper);
    this.random = Objects.requireNonNull(random);
    this.listener = Objects.requireNonNull(listener);
  }

  /**
   * Exponential back-off with full jitter that retries nothing until {@link #retryingOn} says
   * what to retry; sleeps for real until {@link #withSleeper} replaces it.
   */
  public static RetryPolicy exponential(int maxAttempts, Duration base, Duration cap) {
    return new RetryPolicy(maxAttempts, base.toMillis(), cap.toMillis(), Jitter.FULL,
        e -> false, e -> null, THREAD_SLEEP, () -> ThreadLocalRandom.current().nextDouble(),
        (n, e, d) -> { });
  }

  public RetryPolicy withJitter(Jitter j) {
    return new RetryPolicy(maxAttempts, baseMillis, capMillis, j, retryable, serverDelay,
        sleeper, random, listener);
  }

  /** Which failures get another attempt; every other failure is thrown at once. */
  public RetryPolicy retryingOn(Predicate<? super Exception> p) {
    return new RetryPolicy(maxAttempts, baseMillis, capMillis, jitter, p, serverDelay,
        sleeper, random, listener);
  }

  /** The wait a failure says the server asked for (Retry-After), or null. */
  public RetryPolicy honouring(Function<? super Exception, Duration> asked) {
    return new RetryPolicy(maxAttempts, baseMillis, capMillis, jitter, retryable, asked,
        sleeper, random, listener);
  }

  public RetryPolicy withSleeper(Sleeper s) {
    return new RetryPolicy(maxAttempts, baseMillis, capMillis, jitter, retryable, serverDelay,
        s, random, listener);
  }

  /** @param r values in [0, 1) */
  public RetryPolicy withRandom(DoubleSupplier r) {
    return new RetryPolicy(maxAttempts, baseMillis, capMillis, jitter, retryable, serverDelay,
        sleeper, r, listener);
  }

  public RetryPolicy onRetry(Listener l) {
    return new RetryPolicy(maxAttempts, baseMillis, capMillis, jitter, retryable, serverDelay,
        sleeper, random, l);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Runs the call until it succeeds, fails with something not retryable, or uses up the
   * attempts; then returns its value or throws its last failure unchanged.
   *
   * @throws Interrupted when interrupted while waiting between attempts
   */
  public <T, E extends Exception> T run(Attempt<T, E> attempt) throws E, Interrupted {
    for (int n = 1; ; n++) {
      try {
        return attempt.run(n);
      } catch (Exception e) {
        if (n >= maxAttempts || !retryable.test(e)) {
          throw RetryPolicy.<E>asThrown(e);
        }
        Duration d = delay(n, serverDelay.apply(e));
        listener.retrying(n, e, d);
        try {
          sleeper.sleep(d);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new Interrupted(n, e, ie);
        }
      }
    }
  }

  /**
   * The wait after attempt {@code failedAttempt} (from 1) failed.
   *
   * @param serverAsked what the server asked for (Retry-After), or null
   */
  public Duration delay(int failedAttempt, Duration serverAsked) {
    double exp = Math.min(capMillis, baseMillis * Math.pow(2, Math.max(0, failedAttempt - 1)));
    long d = switch (jitter) {
      case NONE -> (long) exp;
      case FULL -> (long) (random.getAsDouble() * exp);
      case EQUAL -> {
        long full = (long) exp;
        long half = full / 2;
        yield half + (long) (random.getAsDouble() * (full - half + 1));
      }
    };
    if (serverAsked != null && serverAsked.toMillis() > d) {
      d = Math.min(serverAsked.toMillis(), capMillis);
    }
    return Duration.ofMillis(Math.min(d, capMillis));
  }

  /** The attempt throws only E or unchecked exceptions, so this cast cannot fail. */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> E asThrown(Exception e) {
    if (e instanceof RuntimeException r) {
      throw r;
    }
    return (E) e;
  }
}
