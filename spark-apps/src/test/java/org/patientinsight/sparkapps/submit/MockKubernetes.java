package org.patientinsight.sparkapps.submit;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import org.patientinsight.sparkapps.model.SparkApplication;

/**
 * fabric8's mock API server in CRUD mode on the loopback interface, with SparkApplication registered as a
 * namespaced custom resource with a status subresource (as the operator's CRD declares it).
 */
public final class MockKubernetes implements AutoCloseable {
  private final KubernetesMockServer server;

  private MockKubernetes() {
    CustomResourceDefinitionContext sparkApplications = new CustomResourceDefinitionContext.Builder()
        .withGroup(SparkApplication.GROUP)
        .withVersion(SparkApplication.VERSION)
        .withKind("SparkApplication")
        .withPlural("sparkapplications")
        .withScope("Namespaced")
        .withStatusSubresource(true)
        .build();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(List.of(sparkApplications)), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
  }

  /** Plain HTTP on loopback: TLS would only add start-up time; the API calls are the same. */
  public static MockKubernetes start() {
    return new MockKubernetes();
  }

  public NamespacedKubernetesClient client() {
    return server.createClient();
  }

  public String url() {
    return server.url("/").replaceAll("/$", "");
  }

  public KubernetesMockServer server() {
    return server;
  }

  @Override
  public void close() {
    server.destroy();
  }
}
