package org.patientinsight.sparkapps.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The GPU overlay renders with kustomize, stays valid against the operator's strict CRD schema,
 * and puts the daily run's executors on g4dn GPU nodes with one GPU each and the CUDA embedder,
 * while the driver keeps the CPU image.
 */
class GpuOverlayTest {
  private static final String OVERLAY = "overlays/gpu-embed";

  @Test
  void gpuOverlayRendersValidGpuExecutors() throws Exception {
    List<ManifestDocuments.Document> docs = render();
    List<JsonNode> operator = new ArrayList<>();
    for (ManifestDocuments.Document doc : docs) {
      CrdSchemaValidator validator = OperatorSchemas.forKind(doc.kind());
      if (validator != null) {
        assertEquals(List.of(), validator.validate(doc.node()), doc.toString());
        operator.add(doc.node());
      }
    }
    assertEquals(1, operator.size(), "the daily ScheduledSparkApplication");
    JsonNode app = operator.get(0).path("spec").path("template");
    JsonNode executor = app.path("executor");
    assertEquals("nvidia.com/gpu", executor.path("gpu").path("name").asText());
    assertEquals(1, executor.path("gpu").path("quantity").asInt());
    assertTrue(executor.path("nodeSelector").path("node.kubernetes.io/instance-type").asText()
        .startsWith("g4dn."), executor.toString());
    assertTrue(executor.path("tolerations").toString().contains("nvidia.com/gpu"));
    assertEquals("111122223333.dkr.ecr.eu-west-1.amazonaws.com/patient-insight-job-gpu:0.1.0",
        executor.path("image").asText(), "the overlay's images: retags the executor image");
    assertEquals("111122223333.dkr.ecr.eu-west-1.amazonaws.com/patient-insight-job:0.1.0",
        app.path("image").asText(), "the driver keeps the CPU image");
    List<String> args = new ArrayList<>();
    app.path("arguments").forEach(a -> args.add(a.asText()));
    assertEquals("pipeline", args.get(0));
    assertTrue(args.contains("s3a://example-patient-insight-data/raw/"), args.toString());
    int set = args.indexOf("--set");
    assertTrue(set > 0 && "embed.device=cuda".equals(args.get(set + 1)), args.toString());
    // executor memory fits a g4dn.xlarge (16 GiB) with the GPU's off-heap share
    assertEquals("8g", executor.path("memory").asText());
    assertEquals("4g", executor.path("memoryOverhead").asText());
  }

  private static List<ManifestDocuments.Document> render() throws Exception {
    Path kubectl = null;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        kubectl = candidate;
        break;
      }
    }
    if (kubectl == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("kubectl is needed on CI to build the kustomize overlay");
      }
      Assumptions.abort("kubectl not installed");
    }
    Process p = new ProcessBuilder(kubectl.toString(), "kustomize",
        RepoPaths.k8s().resolve(OVERLAY).toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return ManifestDocuments.parse(Path.of("kustomize-output"), out);
  }
}
