package org.patientinsight.sparkapps.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientinsight.sparkapps.manifests.ManifestDocuments;
import org.patientinsight.sparkapps.manifests.OperatorSchemas;
import org.patientinsight.sparkapps.model.SparkApplication;

class PipelineApplicationFactoryTest {
  private final SparkApplicationTemplate template = SparkApplicationTemplate.fromClasspath();
  private final PipelineApplicationFactory factory = new PipelineApplicationFactory(template);

  private PipelineRequest request(String image, String warehouse, Long ttl, List<String> conf) {
    S3aUri input = S3aUri.parse("--input", "s3a://data/raw/2024-05-01/a.csv");
    return new PipelineRequest(ApplicationNames.forPipelineRun(input.toString(), "r1"), "ns1", input, "r1", image,
        warehouse == null ? null : S3aUri.parse("--warehouse", warehouse), ttl, conf);
  }

  @Test
  void fillsNameNamespaceArgumentsAndKeepsTemplateSizing() {
    SparkApplication app = factory.build(request("img:2", "s3a://other/wh", 90000L, List.of("a.b=c")));
    assertEquals("ns1", app.getMetadata().getNamespace());
    assertTrue(app.getMetadata().getName().startsWith("pi-pipeline-"));
    assertEquals("r1", app.getMetadata().getLabels().get(PipelineApplicationFactory.LABEL_RUN_ID));
    assertEquals(List.of("pipeline", "--warehouse", "s3a://other/wh", "--input", "s3a://data/raw/2024-05-01/a.csv",
        "--run-id", "r1", "--conf", "a.b=c"), app.getSpec().getArguments());
    assertEquals("img:2", app.getSpec().getImage());
    assertEquals(90000L, app.getSpec().getTimeToLiveSeconds());
    assertEquals("Java", app.getSpec().getType());
    assertEquals("cluster", app.getSpec().getMode());
    assertEquals("org.patientinsight.jobs.cli.Main", app.getSpec().getMainClass());
    assertEquals("local:///opt/patient-insight/patient-insight-jobs.jar", app.getSpec().getMainApplicationFile());
    assertEquals("PINECONE_API_KEY", app.getSpec().getDriver().getEnv().get(0).getName());
    assertEquals("pinecone", app.getSpec().getDriver().getEnv().get(0).getValueFrom().getSecretKeyRef().getName());
    assertEquals("OnFailure", app.getSpec().getRestartPolicy().getType());
    assertTrue(app.getSpec().getDynamicAllocation().getShuffleTrackingEnabled());
  }

  @Test
  void templateDefaultsStayWhenNotOverridden() {
    SparkApplication app = factory.build(request(null, null, null, List.of()));
    assertEquals("patient-insight/job:latest", app.getSpec().getImage());
    assertEquals(86400L, app.getSpec().getTimeToLiveSeconds());
    assertEquals("s3a://patient-insight-data/warehouse",
        app.getSpec().getArguments().get(app.getSpec().getArguments().indexOf("--warehouse") + 1));
  }

  @Test
  void eachBuildIsIndependent() {
    SparkApplication a = factory.build(request("x:1", null, null, List.of()));
    SparkApplication b = factory.build(request(null, null, null, List.of()));
    assertNotSame(a.getSpec(), b.getSpec());
    assertEquals("patient-insight/job:latest", b.getSpec().getImage());
  }

  @Test
  void builtObjectsValidateAgainstTheOperatorSchema() throws Exception {
    for (PipelineRequest r : List.of(request(null, null, null, List.of()),
        request("img:2", "s3a://other/wh", 90000L, List.of("a.b=c", "x=y")))) {
      String json = new KubernetesSerialization().asJson(factory.build(r));
      assertEquals(List.of(), OperatorSchemas.sparkApplication().validate(ManifestDocuments.YAML.readTree(json)), json);
    }
  }

  @Test
  void aTemplateFieldTheModelDoesNotKnowFailsAtLoad() {
    String yaml = """
        apiVersion: sparkoperator.k8s.io/v1beta2
        kind: SparkApplication
        metadata: {name: t}
        spec:
          type: Java
          mainClas: org.example.Main
        """;
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SparkApplicationTemplate.fromYaml(yaml.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("mainClas"), e.getMessage());
  }

  @Test
  void badRequestsNameTheProblem() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> S3aUri.parse("--input", "s3a://bucket-only"))
        .getMessage().startsWith("--input"));
    assertThrows(IllegalArgumentException.class, () -> request(null, null, null, List.of("novalue")));
    assertThrows(IllegalArgumentException.class, () -> request(null, null, -1L, List.of()));
  }
}
