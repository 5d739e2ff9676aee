package org.patientinsight.sparkapps.submit;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import org.patientinsight.sparkapps.model.SparkApplication;
import org.patientinsight.sparkapps.model.SparkApplicationSpec;

/** Turns a {@link PipelineRequest} into a SparkApplication, starting from the template. */
public final class PipelineApplicationFactory {
  public static final String LABEL_APP = "app.kubernetes.io/name";
  public static final String LABEL_COMPONENT = "app.kubernetes.io/component";
  public static final String LABEL_RUN_ID = "patientinsight.org/run-id";
  public static final String ANNOTATION_INPUT = "patientinsight.org/input";

  private final SparkApplicationTemplate template;

  public PipelineApplicationFactory(SparkApplicationTemplate template) {
    this.template = template;
  }

  public SparkApplication build(PipelineRequest request) {
    SparkApplication app = template.fresh();
    ObjectMeta meta = app.getMetadata() == null ? new ObjectMeta() : app.getMetadata();
    meta.setName(request.name());
    meta.setNamespace(request.namespace());
    Map<String, String> labels = meta.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta.getLabels());
    labels.put(LABEL_APP, "patient-insight");
    labels.put(LABEL_COMPONENT, "pipeline");
    if (LabelValues.isValid(request.runId())) {
      labels.put(LABEL_RUN_ID, request.runId());
    }
    meta.setLabels(labels);
    Map<String, String> annotations = meta.getAnnotations() == null
        ? new LinkedHashMap<>() : new LinkedHashMap<>(meta.getAnnotations());
    annotations.put(ANNOTATION_INPUT, request.input().toString());
    meta.setAnnotations(annotations);
    app.setMetadata(meta);

    SparkApplicationSpec spec = app.getSpec();
    if (request.image() != null) {
      spec.setImage(request.image());
    }
    if (request.timeToLiveSeconds() != null) {
      spec.setTimeToLiveSeconds(request.timeToLiveSeconds());
    }
    spec.setArguments(PipelineArguments.build(spec.getArguments(), request));
    return app;
  }
}
