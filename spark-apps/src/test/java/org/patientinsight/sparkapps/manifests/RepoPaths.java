package org.patientinsight.sparkapps.manifests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations in the repository, for tests that read manifests, Dockerfiles and workflows. */
public final class RepoPaths {
  private RepoPaths() {
  }

  public static Path root() {
    String configured = System.getProperty("pi.repo.root");
    Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
    if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("spark-apps"))) {
      throw new IllegalStateException("not the repository root: " + root);
    }
    return root.toAbsolutePath().normalize();
  }

  public static Path sparkApps() {
    return root().resolve("spark-apps");
  }

  public static Path k8s() {
    return sparkApps().resolve("k8s");
  }
}
