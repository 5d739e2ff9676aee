package org.patientinsight.sparkapps.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Acceptance 3: every operator manifest in spark-apps/ validates against the operator's real, strict CRD schema. */
class OperatorManifestSchemaTest {

  @Test
  void everySparkOperatorManifestInSparkAppsValidates() {
    List<ManifestDocuments.Document> checked = new ArrayList<>();
    for (ManifestDocuments.Document doc : ManifestDocuments.readAll(RepoPaths.k8s())) {
      CrdSchemaValidator validator = OperatorSchemas.forKind(doc.kind());
      if (validator == null || !doc.apiVersion().startsWith("sparkoperator.k8s.io/")) {
        continue;
      }
      assertEquals("sparkoperator.k8s.io/v1beta2", doc.apiVersion(), doc.toString());
      assertEquals(List.of(), validator.validate(doc.node()), doc.toString());
      checked.add(doc);
    }
    List<String> kinds = checked.stream().map(ManifestDocuments.Document::kind).distinct().sorted().toList();
    assertEquals(List.of("ScheduledSparkApplication", "SparkApplication"), kinds, "manifests checked: " + checked);
  }

  @Test
  void scheduledRunUsesForbidAndTheTemplateSpecApartFromItsInput() {
    JsonNode template = ManifestDocuments.read(RepoPaths.k8s().resolve("templates/pipeline-sparkapplication.yaml"))
        .get(0).node().path("spec").deepCopy();
    JsonNode scheduled = ManifestDocuments.read(RepoPaths.k8s().resolve("base/scheduled-pipeline.yaml")).get(0).node();
    assertEquals("Forbid", scheduled.path("spec").path("concurrencyPolicy").asText());
    JsonNode daily = scheduled.path("spec").path("template").deepCopy();
    assertEquals(List.of("pipeline", "--input", "s3a://patient-insight-data/raw/", "--warehouse",
        "s3a://patient-insight-data/warehouse"), ManifestDocuments.YAML.convertValue(daily.path("arguments"), List.class));
    ((ObjectNode) daily).remove("arguments");
    ((ObjectNode) template).remove("arguments");
    assertEquals(template, daily, "the daily run and the on-demand template must not drift apart");
  }

  @Test
  void kustomizedOverlayValidates() throws Exception {
    Path kubectl = findOnPath("kubectl");
    if (kubectl == null) {
      // GitHub's ubuntu runners ship kubectl; a developer machine may not
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("kubectl is needed on CI to build the kustomize overlay");
      }
      Assumptions.abort("kubectl not installed");
    }
    Process p = new ProcessBuilder(kubectl.toString(), "kustomize", RepoPaths.k8s().resolve("overlays/example").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    List<ManifestDocuments.Document> docs = ManifestDocuments.parse(Path.of("kustomize-output"), out);
    int operatorObjects = 0;
    for (ManifestDocuments.Document doc : docs) {
      assertEquals("patient-insight-example", doc.kind().equals("Namespace")
          ? doc.node().path("metadata").path("name").asText()
          : doc.node().path("metadata").path("namespace").asText(), doc.toString());
      CrdSchemaValidator validator = OperatorSchemas.forKind(doc.kind());
      if (validator != null) {
        assertEquals(List.of(), validator.validate(doc.node()), doc.toString());
        JsonNode spec = doc.node().path("spec").path("template");
        assertEquals("111122223333.dkr.ecr.eu-west-1.amazonaws.com/patient-insight-job:0.1.0",
            spec.path("image").asText(), "overlay image tag reaches the Spark operator resource");
        assertTrue(spec.path("arguments").toString().contains("s3a://example-patient-insight-data/raw/"));
        operatorObjects++;
      }
    }
    assertEquals(1, operatorObjects);
  }

  @Test
  void misspeltFieldInAFixtureFails() throws IOException {
    List<String> problems = validateFixture("misspelt-sparkapplication.yaml");
    assertFalse(problems.isEmpty());
    assertTrue(problems.stream().anyMatch(p -> p.contains("memoryOverheed")), problems.toString());

    List<String> scheduled = validateFixture("misspelt-scheduledsparkapplication.yaml");
    assertTrue(scheduled.stream().anyMatch(p -> p.contains("concurrencyPolcy")), scheduled.toString());

    assertEquals(List.of(), validateFixture("valid-minimal-sparkapplication.yaml"), "control fixture");
  }

  @Test
  void wrongTypesEnumsAndNamesFail() throws IOException {
    JsonNode app = fixture("valid-minimal-sparkapplication.yaml");
    ObjectNode badMode = app.deepCopy();
    ((ObjectNode) badMode.path("spec")).put("mode", "local");
    assertFalse(OperatorSchemas.sparkApplication().validate(badMode).isEmpty(), "mode enum");
    ObjectNode badCores = app.deepCopy();
    ((ObjectNode) badCores.path("spec").path("driver")).put("cores", "one");
    assertFalse(OperatorSchemas.sparkApplication().validate(badCores).isEmpty(), "cores type");
    ObjectNode badName = app.deepCopy();
    ((ObjectNode) badName.path("metadata")).put("name", "Pipeline_Run");
    assertFalse(OperatorSchemas.sparkApplication().validate(badName).isEmpty(), "DNS-1035 name");
  }

  private static List<String> validateFixture(String name) throws IOException {
    JsonNode node = fixture(name);
    return OperatorSchemas.forKind(node.path("kind").asText()).validate(node);
  }

  static JsonNode fixture(String name) throws IOException {
    try (var in = OperatorManifestSchemaTest.class.getResourceAsStream("/fixtures/" + name)) {
      return ManifestDocuments.YAML.readTree(in);
    }
  }

  private static Path findOnPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, exe);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
