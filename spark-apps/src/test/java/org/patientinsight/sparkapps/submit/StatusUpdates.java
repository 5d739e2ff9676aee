package org.patientinsight.sparkapps.submit;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.patientinsight.sparkapps.model.ApplicationState;
import org.patientinsight.sparkapps.model.SparkApplication;
import org.patientinsight.sparkapps.model.SparkApplicationStatus;

/** Plays the operator in tests: writes status.applicationState through the status subresource. */
public final class StatusUpdates {
  private StatusUpdates() {
  }

  public static void setState(KubernetesClient client, String namespace, String name, String state, String error) {
    SparkApplication current = client.resources(SparkApplication.class).inNamespace(namespace).withName(name).get();
    SparkApplicationStatus status = new SparkApplicationStatus();
    status.setApplicationState(new ApplicationState(state, error));
    current.setStatus(status);
    client.resources(SparkApplication.class).inNamespace(namespace).resource(current).updateStatus();
  }
}
