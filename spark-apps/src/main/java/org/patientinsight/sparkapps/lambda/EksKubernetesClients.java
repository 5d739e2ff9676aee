package org.patientinsight.sparkapps.lambda;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.OAuthTokenProvider;

/** A fabric8 client for EKS from endpoint, CA and token alone: no kubeconfig, no aws CLI. */
public final class EksKubernetesClients {
  private EksKubernetesClients() {
  }

  public static KubernetesClient create(ClusterEndpoint endpoint, OAuthTokenProvider tokens) {
    // Config.empty(): ignore any kubeconfig, service account or KUBERNETES_* variables around us
    Config config = Config.empty();
    config.setMasterUrl(endpoint.url());
    if (endpoint.caData() != null) {
      config.setCaCertData(endpoint.caData());
    }
    config.setOauthTokenProvider(tokens);
    // a few quick retries; beyond that Lambda's own retry of the event is the better back-off
    config.setRequestRetryBackoffLimit(3);
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
