package org.patientinsight.sparkapps.submit;

import java.util.List;
import java.util.Objects;

/**
 * What one pipeline run on the cluster needs. {@code image}, {@code warehouse} and
 * {@code timeToLiveSeconds} may be null: the template's values are kept then.
 *
 * @param extraConf {@code key=value} pairs passed to the jobs CLI as {@code --conf}
 */
public record PipelineRequest(
    String name,
    String namespace,
    S3aUri input,
    String runId,
    String image,
    S3aUri warehouse,
    Long timeToLiveSeconds,
    List<String> extraConf) {

  public PipelineRequest {
    Objects.requireNonNull(input, "input");
    if (!ApplicationNames.isValid(name)) {
      throw new IllegalArgumentException("application name is not a DNS-1035 label: " + name);
    }
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("namespace must not be empty");
    }
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("run id must not be empty");
    }
    if (timeToLiveSeconds != null && timeToLiveSeconds <= 0) {
      throw new IllegalArgumentException("timeToLiveSeconds must be positive, got " + timeToLiveSeconds);
    }
    for (String conf : extraConf) {
      if (conf.indexOf('=') <= 0) {
        throw new IllegalArgumentException("--conf must be key=value, got: " + conf);
      }
    }
    extraConf = List.copyOf(extraConf);
  }
}
