package org.patientinsight.sparkapps.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaSettingsTest {
  private static Map<String, String> minimal() {
    Map<String, String> env = new HashMap<>();
    env.put(LambdaSettings.CLUSTER_NAME, "c");
    env.put(LambdaSettings.REGION, "eu-west-1");
    return env;
  }

  @Test
  void defaults() {
    LambdaSettings s = LambdaSettings.fromEnvironment(minimal());
    assertEquals("patient-insight", s.namespace());
    assertEquals("raw/", s.inputPrefix());
    assertEquals(List.of(".csv", ".json", ".jsonl"), s.inputSuffixes());
    assertEquals(86400, s.timeToLiveSeconds());
    assertNull(s.endpoint());
    assertNull(s.image());
  }

  @Test
  void missingOrBadValuesNameTheVariable() {
    Map<String, String> env = minimal();
    env.remove(LambdaSettings.CLUSTER_NAME);
    assertTrue(message(env).contains("PI_EKS_CLUSTER_NAME"));

    env = minimal();
    env.put(LambdaSettings.TTL_SECONDS, "3600");
    assertTrue(message(env).contains("PI_APP_TTL_SECONDS must exceed Lambda's maximum event age"), message(env));
    env.put(LambdaSettings.TTL_SECONDS, "a day");
    assertTrue(message(env).contains("PI_APP_TTL_SECONDS"));

    env = minimal();
    env.put(LambdaSettings.WAREHOUSE, "s3://bucket/warehouse");
    assertTrue(message(env).contains("PI_WAREHOUSE_URI must be an s3a:// URI"));

    env = minimal();
    env.put(LambdaSettings.ENDPOINT, "eks.example.com");
    assertTrue(message(env).contains("PI_EKS_ENDPOINT"));

    env = minimal();
    env.put(LambdaSettings.ENDPOINT, "https://ABC.gr7.eu-west-1.eks.amazonaws.com");
    assertTrue(message(env).contains("PI_EKS_CA_DATA is required"));
    env.put(LambdaSettings.CA_DATA, "LS0tLS1CRUdJTi...");
    assertEquals("https://ABC.gr7.eu-west-1.eks.amazonaws.com", LambdaSettings.fromEnvironment(env).endpoint());

    env = minimal();
    env.put(LambdaSettings.INPUT_SUFFIXES, " , ");
    assertTrue(message(env).contains("PI_INPUT_SUFFIXES"));
  }

  private static String message(Map<String, String> env) {
    return assertThrows(IllegalArgumentException.class, () -> LambdaSettings.fromEnvironment(env)).getMessage();
  }
}
