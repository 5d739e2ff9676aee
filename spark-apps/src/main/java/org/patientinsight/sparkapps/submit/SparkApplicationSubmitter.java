package org.patientinsight.sparkapps.submit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import org.patientinsight.sparkapps.model.SparkApplication;

/** Creates SparkApplications; a name collision (HTTP 409) means "already submitted", anything else propagates. */
public final class SparkApplicationSubmitter {
  private final KubernetesClient client;

  public SparkApplicationSubmitter(KubernetesClient client) {
    this.client = client;
  }

  public SubmitOutcome submit(SparkApplication app) {
    try {
      client.resources(SparkApplication.class)
          .inNamespace(app.getMetadata().getNamespace())
          .resource(app)
          .create();
      return SubmitOutcome.CREATED;
    } catch (KubernetesClientException e) {
      // decide on the status code: servers differ in the reason text (AlreadyExists vs Invalid)
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return SubmitOutcome.ALREADY_EXISTS;
      }
      throw e;
    }
  }
}
