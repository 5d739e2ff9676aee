package org.patientinsight.sparkapps.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientinsight.sparkapps.manifests.ManifestDocuments;
import org.patientinsight.sparkapps.manifests.RepoPaths;

/** Acceptance 4: the workflows parse as YAML and reference only files that exist. */
class WorkflowFilesTest {
  private static final Path ROOT = RepoPaths.root();

  private static JsonNode workflow(String name) throws Exception {
    Path file = ROOT.resolve(".github/workflows").resolve(name);
    assertTrue(Files.isRegularFile(file), file.toString());
    List<ManifestDocuments.Document> docs = ManifestDocuments.read(file);
    assertEquals(1, docs.size(), name + " is one YAML document");
    JsonNode wf = docs.get(0).node();
    assertTrue(wf.path("jobs").isObject() && wf.path("jobs").size() > 0, name + " has jobs");
    return wf;
  }

  private static List<JsonNode> steps(JsonNode wf) {
    List<JsonNode> steps = new ArrayList<>();
    wf.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
    return steps;
  }

  /** "on" is a YAML 1.1 boolean; a parser may hand it back as "true". */
  private static JsonNode triggers(JsonNode wf) {
    return wf.has("on") ? wf.get("on") : wf.get("true");
  }

  @Test
  void ciRunsTheRepositoryTestCommandOnPullRequestsAndPushesWithJava17AndMavenCache() throws Exception {
    JsonNode ci = workflow("ci.yml");
    assertNotNull(triggers(ci));
    assertTrue(triggers(ci).has("pull_request") && triggers(ci).has("push"));
    List<JsonNode> steps = steps(ci);
    assertTrue(steps.stream().anyMatch(s -> s.path("run").asText().contains("bash .ci/run")), "runs bash .ci/run");
    JsonNode java = steps.stream().filter(s -> s.path("uses").asText().startsWith("actions/setup-java@"))
        .findFirst().orElseThrow();
    assertEquals("17", java.path("with").path("java-version").asText());
    assertEquals("maven", java.path("with").path("cache").asText());
    // the schema tests need ../shared; CI must provide it before the tests run
    int fetch = indexOf(steps, "spark-operator-v2.5.2");
    int test = indexOf(steps, "bash .ci/run");
    assertTrue(fetch >= 0 && fetch < test, "CRDs fetched before the tests");
  }

  @Test
  void cdUsesOidcNotKeysAndDoesEveryDeploymentStep() throws Exception {
    JsonNode cd = workflow("cd.yml");
    assertEquals(List.of("main"), ManifestDocuments.YAML.convertValue(triggers(cd).path("push").path("branches"), List.class));
    assertEquals("write", cd.path("permissions").path("id-token").asText());
    List<JsonNode> steps = steps(cd);
    JsonNode aws = steps.stream().filter(s -> s.path("uses").asText().startsWith("aws-actions/configure-aws-credentials@"))
        .findFirst().orElseThrow();
    assertTrue(aws.path("with").has("role-to-assume"));
    assertFalse(aws.path("with").has("aws-access-key-id") || aws.path("with").has("aws-secret-access-key"));
    String all = Files.readString(ROOT.resolve(".github/workflows/cd.yml"));
    assertFalse(all.contains("AWS_SECRET_ACCESS_KEY") || all.contains("AWS_ACCESS_KEY_ID"), "no long-lived keys");
    String scripts = String.join("\n", steps.stream().map(s -> s.path("run").asText()).toList());
    assertTrue(scripts.contains("spark-apps/docker/job.Dockerfile") && scripts.contains("spark-apps/docker/serving.Dockerfile"));
    assertTrue(scripts.contains("docker push"));
    assertTrue(scripts.contains("kubectl apply -k"));
    assertTrue(scripts.contains("aws lambda update-function-code"));
    assertTrue(steps.stream().anyMatch(s -> s.path("uses").asText().startsWith("aws-actions/amazon-ecr-login@")));
  }

  @Test
  void everyPathTheWorkflowsMentionExists() throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (String name : List.of("ci.yml", "cd.yml")) {
      JsonNode wf = workflow(name);
      List<String> texts = new ArrayList<>();
      for (JsonNode step : steps(wf)) {
        texts.add(step.path("run").asText());
        step.path("with").forEach(v -> texts.add(v.asText()));
      }
      wf.path("env").forEach(v -> texts.add(v.asText()));
      for (String text : texts) {
        for (String path : RepoReferences.pathsIn(text)) {
          checked++;
          String problem = RepoReferences.problem(ROOT, path);
          if (problem != null) {
            problems.add(name + ": " + problem);
          }
        }
      }
      for (JsonNode step : steps(wf)) {
        String uses = step.path("uses").asText();
        if (uses.startsWith("./")) {
          checked++;
          if (!Files.exists(ROOT.resolve(uses.substring(2)))) {
            problems.add(name + ": local action " + uses + " missing");
          }
        }
      }
    }
    assertTrue(checked >= 7, "the reference scan found " + checked + " paths; it should see the Dockerfiles, jars and overlay");
    assertEquals(List.of(), problems);
  }

  @Test
  void theScanCatchesAMissingFile() {
    assertEquals(List.of("spark-apps/docker/nope.Dockerfile", "spark-apps/k8s/overlays/example"),
        new ArrayList<>(RepoReferences.pathsIn("docker build -f spark-apps/docker/nope.Dockerfile .; cd spark-apps/k8s/overlays/example")));
    assertNotNull(RepoReferences.problem(ROOT, "spark-apps/docker/nope.Dockerfile"));
    assertNotNull(RepoReferences.problem(ROOT, "spark-apps/target/not-declared.jar"));
    assertEquals(null, RepoReferences.problem(ROOT, "spark-apps/target/patient-insight-lambda.jar"));
  }

  private static int indexOf(List<JsonNode> steps, String needle) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).toString().contains(needle)) {
        return i;
      }
    }
    return -1;
  }
}
