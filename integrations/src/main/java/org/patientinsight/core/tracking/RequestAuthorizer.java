package org.patientinsight.core.tracking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Adds authentication headers to one outgoing request. The request is complete (method, URI,
 * headers, body) so signers such as SigV4 can sign all of it.
 */
@FunctionalInterface
interface RequestAuthorizer {

  /** Headers to add to the request. */
  Map<String, String> headers(String method, URI uri, Map<String, String> headers, byte[] body);

  static RequestAuthorizer none() {
    return (m, u, h, b) -> Map.of();
  }

  /** MLFLOW_TRACKING_TOKEN. */
  static RequestAuthorizer bearer(String token) {
    String value = "Bearer " + token;
    return (m, u, h, b) -> Map.of("Authorization", value);
  }

  /** MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD. */
  static RequestAuthorizer basic(String user, String password) {
    String value = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return (m, u, h, b) -> Map.of("Authorization", value);
  }
}
