package org.patientinsight.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.ConfigException;

class ApiKeyAuthTest {
  @Test
  void acceptsAnyConfiguredKeyAndNothingElse() {
    ApiKeyAuth auth = ApiKeyAuth.fromHashes(ApiKeyAuth.sha256Hex("alpha") + " , "
        + ApiKeyAuth.sha256Hex("beta").toUpperCase());
    assertTrue(auth.accepts("Bearer alpha"));
    assertTrue(auth.accepts("bearer beta"));
    assertFalse(auth.accepts("Bearer gamma"));
    assertFalse(auth.accepts("Basic alpha"));
    assertFalse(auth.accepts("Bearer "));
    assertFalse(auth.accepts(null));
  }

  @Test
  void knownDigestMatchesSha256sum() {
    // printf %s test | sha256sum
    assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ApiKeyAuth.sha256Hex("test"));
  }

  @Test
  void badHashNamesTheVariable() {
    ConfigException e = assertThrows(ConfigException.class, () -> ApiKeyAuth.fromHashes("abc"));
    assertEquals(ApiKeyAuth.ENV, e.key());
    assertFalse(ApiKeyAuth.fromHashes("").hasKeys());
  }
}
