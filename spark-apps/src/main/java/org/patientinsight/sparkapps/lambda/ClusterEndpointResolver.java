package org.patientinsight.sparkapps.lambda;

import java.util.function.Supplier;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * Endpoint and CA from the Lambda's settings when both are given (no AWS call, works from a VPC
 * without an EKS endpoint); otherwise from EKS DescribeCluster.
 */
public final class ClusterEndpointResolver {
  private final LambdaSettings settings;
  private final Supplier<EksClient> eks;

  public ClusterEndpointResolver(LambdaSettings settings, Supplier<EksClient> eks) {
    this.settings = settings;
    this.eks = eks;
  }

  public ClusterEndpoint resolve() {
    if (settings.endpoint() != null) {
      return new ClusterEndpoint(settings.endpoint(), settings.caData());
    }
    try (EksClient client = eks.get()) {
      Cluster cluster = client.describeCluster(r -> r.name(settings.clusterName())).cluster();
      if (cluster.endpoint() == null || cluster.certificateAuthority() == null) {
        throw new IllegalStateException("EKS cluster " + settings.clusterName() + " has no endpoint or CA yet (status "
            + cluster.statusAsString() + ")");
      }
      return new ClusterEndpoint(cluster.endpoint(), cluster.certificateAuthority().data());
    }
  }
}
