package org.patientinsight.sparkapps.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientinsight.sparkapps.workflows.RepoReferences;

/** The plain Kubernetes manifests: read through fabric8's typed model and checked against each other. */
class KubernetesManifestsTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static <T extends HasMetadata> T one(String file, Class<T> type, String name) {
    for (ManifestDocuments.Document doc : ManifestDocuments.read(RepoPaths.k8s().resolve("base").resolve(file))) {
      if (doc.kind().equals(type.getSimpleName()) && name.equals(doc.node().path("metadata").path("name").asText())) {
        T typed = SERIALIZATION.convertValue(doc.node(), type);
        assertEquals(Map.of(), unknownFields(typed), file + ": fields the " + type.getSimpleName() + " model does not know");
        return typed;
      }
    }
    throw new AssertionError(type.getSimpleName() + " " + name + " not in " + file);
  }

  @Test
  void servingDeploymentProbesHealthEndpointsWithTwoReplicasAndResources() {
    Deployment d = one("serving-deployment.yaml", Deployment.class, "patient-insight-serving");
    assertEquals(2, d.getSpec().getReplicas());
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals(8080, c.getPorts().get(0).getContainerPort());
    assertEquals("http", c.getPorts().get(0).getName());
    assertEquals("/health/live", c.getLivenessProbe().getHttpGet().getPath());
    assertEquals("/health/ready", c.getReadinessProbe().getHttpGet().getPath());
    assertEquals("http", c.getReadinessProbe().getHttpGet().getPort().getStrVal());
    assertTrue(c.getResources().getRequests().containsKey("cpu") && c.getResources().getLimits().containsKey("memory"));
    assertEquals("PINECONE_API_KEY", c.getEnv().get(0).getName());
    assertEquals("pinecone", c.getEnv().get(0).getValueFrom().getSecretKeyRef().getName(), "key from a Secret");
    assertEquals("/metrics", d.getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/path"));
    assertEquals(d.getSpec().getSelector().getMatchLabels(),
        subset(d.getSpec().getTemplate().getMetadata().getLabels(), d.getSpec().getSelector().getMatchLabels()));
  }

  @Test
  void serviceHpaAndPdbPointAtTheServingPods() {
    Deployment d = one("serving-deployment.yaml", Deployment.class, "patient-insight-serving");
    Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
    var service = one("serving-service.yaml", io.fabric8.kubernetes.api.model.Service.class, "patient-insight-serving");
    assertEquals(service.getSpec().getSelector(), subset(podLabels, service.getSpec().getSelector()));
    assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    HorizontalPodAutoscaler hpa = one("serving-hpa.yaml", HorizontalPodAutoscaler.class, "patient-insight-serving");
    assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
    assertEquals(d.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
    assertEquals(d.getSpec().getReplicas(), hpa.getSpec().getMinReplicas());
    assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
    PodDisruptionBudget pdb = one("serving-pdb.yaml", PodDisruptionBudget.class, "patient-insight-serving");
    assertEquals(pdb.getSpec().getSelector().getMatchLabels(), subset(podLabels, pdb.getSpec().getSelector().getMatchLabels()));
    assertTrue(pdb.getSpec().getMinAvailable().getIntVal() < d.getSpec().getReplicas(), "a node drain can proceed");
  }

  @Test
  void driverServiceAccountHasIrsaAndTheRoleSparkNeeds() {
    ServiceAccount sa = one("rbac.yaml", ServiceAccount.class, "spark-driver");
    assertTrue(sa.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn").startsWith("arn:aws:iam::"));
    Role role = one("rbac.yaml", Role.class, "spark-driver");
    List<String> resources = role.getRules().get(0).getResources();
    assertTrue(resources.containsAll(List.of("pods", "services", "configmaps")), resources.toString());
    assertTrue(role.getRules().get(0).getVerbs().containsAll(List.of("create", "delete", "watch")));
    RoleBinding binding = one("rbac.yaml", RoleBinding.class, "spark-driver");
    assertEquals("spark-driver", binding.getRoleRef().getName());
    assertEquals("ServiceAccount", binding.getSubjects().get(0).getKind());
    assertEquals(sa.getMetadata().getName(), binding.getSubjects().get(0).getName());
    // the pipeline runs under this account
    var template = ManifestDocuments.read(RepoPaths.k8s().resolve("templates/pipeline-sparkapplication.yaml")).get(0).node();
    assertEquals("spark-driver", template.path("spec").path("driver").path("serviceAccount").asText());
    Role submitter = one("rbac.yaml", Role.class, "sparkapplication-submitter");
    assertEquals(List.of("sparkapplications"), submitter.getRules().get(0).getResources());
    assertTrue(submitter.getRules().get(0).getVerbs().containsAll(List.of("create", "get")));
  }

  @Test
  void kustomizationsListOnlyExistingFiles() {
    List<String> problems = new ArrayList<>();
    for (Path dir : List.of(RepoPaths.k8s().resolve("base"), RepoPaths.k8s().resolve("overlays/example"))) {
      var k = ManifestDocuments.read(dir.resolve("kustomization.yaml")).get(0).node();
      List<String> refs = new ArrayList<>();
      k.path("resources").forEach(r -> refs.add(r.asText()));
      k.path("configurations").forEach(r -> refs.add(r.asText()));
      k.path("patches").forEach(p -> {
        if (p.has("path")) {
          refs.add(p.path("path").asText());
        }
      });
      assertFalse(refs.isEmpty());
      for (String ref : refs) {
        if (!Files.exists(dir.resolve(ref))) {
          problems.add(dir.getFileName() + "/kustomization.yaml: " + ref);
        }
      }
    }
    assertEquals(List.of(), problems);
    // every manifest in base is either listed or is kustomize's own file
    var base = ManifestDocuments.read(RepoPaths.k8s().resolve("base/kustomization.yaml")).get(0).node();
    List<String> listed = new ArrayList<>();
    base.path("resources").forEach(r -> listed.add(r.asText()));
    base.path("configurations").forEach(r -> listed.add(r.asText()));
    for (Path f : ManifestDocuments.yamlFiles(RepoPaths.k8s().resolve("base"))) {
      String name = f.getFileName().toString();
      assertTrue(name.equals("kustomization.yaml") || listed.contains(name), name + " is not in the base kustomization");
    }
  }

  @Test
  void dockerfilesCopyDeclaredBuildOutputsFromOfficialBaseImages() throws Exception {
    Path root = RepoPaths.root();
    String job = Files.readString(RepoPaths.sparkApps().resolve("docker/job.Dockerfile"));
    assertTrue(job.contains("FROM apache/spark:${SPARK_VERSION}-scala2.12-java17-ubuntu"));
    assertTrue(job.contains("/opt/patient-insight/patient-insight-jobs.jar"));
    String template = Files.readString(RepoPaths.k8s().resolve("templates/pipeline-sparkapplication.yaml"));
    assertTrue(template.contains("local:///opt/patient-insight/patient-insight-jobs.jar"), "the template runs the jar the image has");
    String sparkVersion = Files.readString(root.resolve("pom.xml")).replaceAll("(?s).*<spark.version>([^<]+)</spark.version>.*", "$1");
    assertTrue(job.contains("ARG SPARK_VERSION=" + sparkVersion), "job image default matches the pom's Spark " + sparkVersion);
    assertTrue(template.contains("sparkVersion: \"" + sparkVersion + "\""));
    String serving = Files.readString(RepoPaths.sparkApps().resolve("docker/serving.Dockerfile"));
    assertTrue(serving.contains("FROM eclipse-temurin:17-jre"));
    assertTrue(serving.contains("org.patientinsight.serving.ServeMain") && serving.contains("EXPOSE 8080"));
    List<String> problems = new ArrayList<>();
    for (String dockerfile : List.of(job, serving)) {
      for (String line : dockerfile.lines().filter(l -> l.startsWith("COPY")).toList()) {
        for (String path : RepoReferences.pathsIn(line)) {
          String problem = RepoReferences.problem(root, path);
          if (problem != null) {
            problems.add(problem);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** fabric8 models keep unknown fields in additionalProperties; collect them from the object and its spec. */
  private static Map<String, Object> unknownFields(Object model) {
    Map<String, Object> unknown = new java.util.TreeMap<>();
    for (String part : List.of("", "getSpec", "getMetadata")) {
      try {
        Object target = part.isEmpty() ? model : model.getClass().getMethod(part).invoke(model);
        if (target != null) {
          @SuppressWarnings("unchecked")
          Map<String, Object> extra = (Map<String, Object>) target.getClass().getMethod("getAdditionalProperties").invoke(target);
          extra.forEach((k, v) -> unknown.put((part.isEmpty() ? "" : part.substring(3).toLowerCase() + ".") + k, v));
        }
      } catch (NoSuchMethodException e) {
        // a model without spec (ServiceAccount)
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return unknown;
  }

  private static Map<String, String> subset(Map<String, String> labels, Map<String, String> keys) {
    Map<String, String> out = new java.util.HashMap<>();
    keys.keySet().forEach(k -> {
      if (labels.containsKey(k)) {
        out.put(k, labels.get(k));
      }
    });
    return out;
  }
}
