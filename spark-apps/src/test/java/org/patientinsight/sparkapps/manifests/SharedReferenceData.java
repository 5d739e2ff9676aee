package org.patientinsight.sparkapps.manifests;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The operator's CRDs live in the shared reference folder next to the repository
 * ({@code ../shared/k8s/spark-operator-v2.5.2}), never in the repository itself. Missing folder:
 * a failure on CI (CI=true), a skip on a developer machine without it.
 */
public final class SharedReferenceData {
  public static final String OPERATOR_DIR = "k8s/spark-operator-v2.5.2";

  private SharedReferenceData() {
  }

  public static Path operatorCrdDir() {
    String shared = System.getProperty("pi.shared.dir");
    Path dir = shared == null ? null : Path.of(shared).resolve(OPERATOR_DIR).normalize();
    if (dir == null || !Files.isDirectory(dir)) {
      String message = "Spark operator CRDs not found at " + dir + " (system property pi.shared.dir="
          + shared + "); they are needed to validate the manifests";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return dir;
  }
}
