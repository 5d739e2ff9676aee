package org.patientinsight.sparkapps.lambda;

/**
 * Where the EKS API server is and which CA signed its certificate.
 *
 * @param caData base64 of the PEM CA bundle, as EKS DescribeCluster returns it; null to use the JVM's trust store
 */
public record ClusterEndpoint(String url, String caData) {
}
