package org.patientinsight.sparkapps.lambda;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.patientinsight.sparkapps.submit.S3aUri;

/**
 * The Lambda's configuration, from its environment variables. Bad values fail at cold start with
 * the variable's name.
 */
public record LambdaSettings(
    String clusterName,
    String region,
    String endpoint,
    String caData,
    String namespace,
    String image,
    S3aUri warehouse,
    String inputPrefix,
    List<String> inputSuffixes,
    long timeToLiveSeconds) {

  public static final String CLUSTER_NAME = "PI_EKS_CLUSTER_NAME";
  public static final String REGION = "AWS_REGION";
  public static final String ENDPOINT = "PI_EKS_ENDPOINT";
  public static final String CA_DATA = "PI_EKS_CA_DATA";
  public static final String NAMESPACE = "PI_NAMESPACE";
  public static final String IMAGE = "PI_JOB_IMAGE";
  public static final String WAREHOUSE = "PI_WAREHOUSE_URI";
  public static final String INPUT_PREFIX = "PI_INPUT_PREFIX";
  public static final String INPUT_SUFFIXES = "PI_INPUT_SUFFIXES";
  public static final String TTL_SECONDS = "PI_APP_TTL_SECONDS";

  /** Lambda retries an asynchronous event for at most 6 hours. */
  public static final Duration MAX_EVENT_AGE = Duration.ofHours(6);

  public static LambdaSettings fromEnvironment(Map<String, String> env) {
    String cluster = required(env, CLUSTER_NAME);
    String region = required(env, REGION);
    String endpoint = optional(env, ENDPOINT);
    if (endpoint != null && !endpoint.startsWith("https://") && !endpoint.startsWith("http://")) {
      throw new IllegalArgumentException(ENDPOINT + " must be an https:// URL, got: " + endpoint);
    }
    String caData = optional(env, CA_DATA);
    if (endpoint != null && endpoint.startsWith("https://") && caData == null) {
      // EKS serves a certificate from the cluster's own CA, which no default trust store holds
      throw new IllegalArgumentException(CA_DATA + " is required when " + ENDPOINT + " is set");
    }
    String warehouse = optional(env, WAREHOUSE);
    String prefix = env.getOrDefault(INPUT_PREFIX, "raw/");
    List<String> suffixes = Arrays.stream(env.getOrDefault(INPUT_SUFFIXES, ".csv,.json,.jsonl").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (suffixes.isEmpty()) {
      throw new IllegalArgumentException(INPUT_SUFFIXES + " must list at least one suffix, e.g. .csv,.json,.jsonl");
    }
    long ttl = parseTtl(env.getOrDefault(TTL_SECONDS, "86400"));
    return new LambdaSettings(cluster, region, endpoint, caData,
        env.getOrDefault(NAMESPACE, "patient-insight"), optional(env, IMAGE),
        warehouse == null ? null : S3aUri.parse(WAREHOUSE, warehouse), prefix, suffixes, ttl);
  }

  private static long parseTtl(String value) {
    long ttl;
    try {
      ttl = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(TTL_SECONDS + " must be a whole number of seconds, got: " + value);
    }
    // a retried event must still find the finished application, or it would run a second time
    if (ttl <= MAX_EVENT_AGE.toSeconds()) {
      throw new IllegalArgumentException(TTL_SECONDS + " must exceed Lambda's maximum event age of "
          + MAX_EVENT_AGE.toSeconds() + " s, got: " + ttl);
    }
    return ttl;
  }

  private static String required(Map<String, String> env, String key) {
    String value = optional(env, key);
    if (value == null) {
      throw new IllegalArgumentException("environment variable " + key + " is required");
    }
    return value;
  }

  private static String optional(Map<String, String> env, String key) {
    String value = env.get(key);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
