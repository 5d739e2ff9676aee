package org.patientinsight.sparkapps.model;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** The Kubeflow Spark operator's {@code SparkApplication} (sparkoperator.k8s.io/v1beta2), typed for the fields we use. */
@Group(SparkApplication.GROUP)
@Version(SparkApplication.VERSION)
@Kind("SparkApplication")
@Plural("sparkapplications")
public class SparkApplication extends CustomResource<SparkApplicationSpec, SparkApplicationStatus> implements Namespaced {
  public static final String GROUP = "sparkoperator.k8s.io";
  public static final String VERSION = "v1beta2";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** The state of the application as last reported by the operator, or empty before the operator has seen it. */
  public java.util.Optional<String> currentState() {
    SparkApplicationStatus status = getStatus();
    if (status == null || status.getApplicationState() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(status.getApplicationState().getState());
  }
}
