package org.patientinsight.serving.analysis;

import java.net.URI;
import java.util.function.Supplier;
import org.patientinsight.core.config.ConfigException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * RDS IAM database authentication: the password of each new connection is a fresh token
 * (a SigV4-signed "connect" request, valid 15 minutes), made locally from the pod's AWS
 * credentials (IRSA) — no stored database password. RDS then requires TLS (sslmode=require
 * or verify-full in the JDBC URL). Connections already open stay valid past the token's life.
 */
public final class RdsIamPasswords implements Supplier<String> {
  private final RdsUtilities rds;
  private final String host;
  private final int port;
  private final String user;

  RdsIamPasswords(RdsUtilities rds, String host, int port, String user) {
    this.rds = rds;
    this.host = host;
    this.port = port;
    this.user = user;
  }

  /** @param jdbcUrl jdbc:postgresql://host[:port]/db?... ; the token is bound to host and port */
  public static RdsIamPasswords forUrl(String jdbcUrl, String region, String user,
      AwsCredentialsProvider credentials) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    if (uri.getHost() == null) {
      throw new ConfigException("serving.analyses.jdbc_url", "serving.analyses.auth=rds_iam needs "
          + "a JDBC URL with the RDS host name, got no host");
    }
    RdsUtilities rds = RdsUtilities.builder().region(Region.of(region))
        .credentialsProvider(credentials).build();
    return new RdsIamPasswords(rds, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user);
  }

  @Override
  public String get() {
    return rds.generateAuthenticationToken(b -> b.hostname(host).port(port).username(user));
  }
}
