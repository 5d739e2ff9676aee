package org.patientinsight.serving.analysis;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The token is made locally (no network): a SigV4-presigned "connect" for host, port and user. */
class RdsIamPasswordsTest {
  @Test
  void tokenIsAPresignedConnectForTheUrlsHostPortAndUser() {
    RdsIamPasswords p = RdsIamPasswords.forUrl(
        "jdbc:postgresql://pi.abc123.eu-west-1.rds.amazonaws.com:5433/patientinsight?sslmode=require",
        "eu-west-1", "pi_serving",
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-real-secret")));
    String token = p.get();
    assertTrue(token.startsWith("pi.abc123.eu-west-1.rds.amazonaws.com:5433/?"), token);
    assertTrue(token.contains("Action=connect"), token);
    assertTrue(token.contains("DBUser=pi_serving"), token);
    assertTrue(token.contains("X-Amz-Credential=AKIDEXAMPLE%2F"), token);
    assertTrue(token.contains("%2Feu-west-1%2Frds-db%2Faws4_request"), token);
    assertTrue(token.contains("X-Amz-Signature="), token);
    assertTrue(!token.contains("not-a-real-secret"), "the secret key is never in the token");
    assertNotEquals("", token);
  }
}
