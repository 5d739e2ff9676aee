package org.patientinsight.core.tracking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's params, metrics and tags as MLflow will store them: keys sanitised, over-long values
 * cut to MLflow's limits, and the standard tags added. Every backend writes exactly these, so
 * the file store and the servers hold the same run. Changes are logged by key, never by value.
 */
record RunEntities(Map<String, String> params, Map<String, Double> metrics,
    Map<String, String> tags, List<String> adjustments) {

  private static final Logger LOG = LoggerFactory.getLogger(RunEntities.class);

  static final String TAG_RUN_NAME = "mlflow.runName";
  static final String TAG_SOURCE_NAME = "mlflow.source.name";
  static final String TAG_SOURCE_TYPE = "mlflow.source.type";
  static final String TAG_USER = "mlflow.user";
  static final String TAG_STATUS = "status";
  static final String TAG_COMMAND = "command";

  static RunEntities of(TrackedRun run, String user) {
    List<String> adjustments = new ArrayList<>();
    Map<String, String> params = new LinkedHashMap<>();
    run.params().forEach(put(params, "param", MlflowLimits.MAX_PARAM_VALUE_LENGTH, adjustments));
    Map<String, Double> metrics = new LinkedHashMap<>();
    run.metrics().forEach((k, v) -> {
      String key = uniqueKey(metrics, MlflowKeys.sanitize(k), "metric", k, adjustments);
      metrics.put(key, v);
    });
    Map<String, String> tags = new LinkedHashMap<>();
    run.tags().forEach(put(tags, "tag", MlflowLimits.MAX_TAG_VALUE_LENGTH, adjustments));
    // standard tags win over caller tags of the same name: they describe the run itself
    tags.put(TAG_RUN_NAME, run.runName());
    tags.put(TAG_SOURCE_NAME, "patient-insight " + run.command());
    tags.put(TAG_SOURCE_TYPE, "JOB");
    if (user != null && !user.isBlank()) {
      tags.put(TAG_USER, user);
    }
    tags.put(TAG_STATUS, run.status().name());
    tags.put(TAG_COMMAND, run.command());
    if (!adjustments.isEmpty()) {
      LOG.warn("run {}: {} tracking key/value adjustment(s): {}", run.runName(),
          adjustments.size(), adjustments);
    }
    return new RunEntities(Collections.unmodifiableMap(params),
        Collections.unmodifiableMap(metrics), Collections.unmodifiableMap(tags),
        List.copyOf(adjustments));
  }

  private static BiConsumer<String, String> put(Map<String, String> into, String kind,
      int maxValue, List<String> adjustments) {
    return (k, v) -> {
      String key = uniqueKey(into, MlflowKeys.sanitize(k), kind, k, adjustments);
      String value = v;
      if (value.length() > maxValue) {
        value = value.substring(0, maxValue);
        adjustments.add(kind + " '" + key + "' value cut from " + v.length() + " to " + maxValue
            + " chars");
      }
      into.put(key, value);
    };
  }

  private static String uniqueKey(Map<String, ?> existing, String sanitized, String kind,
      String original, List<String> adjustments) {
    String key = sanitized;
    for (int i = 2; existing.containsKey(key); i++) {
      key = sanitized + "_" + i;
    }
    if (!key.equals(original)) {
      adjustments.add(kind + " key '" + original + "' stored as '" + key + "'");
    }
    return key;
  }

  int size() {
    return params.size() + metrics.size() + tags.size();
  }
}
