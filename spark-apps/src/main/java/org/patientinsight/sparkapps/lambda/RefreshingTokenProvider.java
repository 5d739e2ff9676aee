package org.patientinsight.sparkapps.lambda;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Gives fabric8 a current EKS token. EKS honours a token for 15 minutes; a warm Lambda container
 * lives longer, so the token is remade after {@code maxAge}.
 */
public final class RefreshingTokenProvider implements OAuthTokenProvider {
  static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

  private final Supplier<String> tokens;
  private final Clock clock;
  private final Duration maxAge;
  private String token;
  private Instant madeAt;

  public RefreshingTokenProvider(Supplier<String> tokens, Clock clock, Duration maxAge) {
    this.tokens = tokens;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  @Override
  public synchronized String getToken() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(madeAt.plus(maxAge))) {
      token = tokens.get();
      madeAt = now;
    }
    return token;
  }
}
