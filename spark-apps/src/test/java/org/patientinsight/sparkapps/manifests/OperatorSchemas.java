package org.patientinsight.sparkapps.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The two operator CRDs as strict validators, loaded once per test JVM (the files are ~800 KB each). */
public final class OperatorSchemas {
  private static CrdSchemaValidator sparkApplication;
  private static CrdSchemaValidator scheduledSparkApplication;

  private OperatorSchemas() {
  }

  public static synchronized CrdSchemaValidator sparkApplication() {
    if (sparkApplication == null) {
      sparkApplication = load("sparkoperator.k8s.io_sparkapplications.yaml");
    }
    return sparkApplication;
  }

  public static synchronized CrdSchemaValidator scheduledSparkApplication() {
    if (scheduledSparkApplication == null) {
      scheduledSparkApplication = load("sparkoperator.k8s.io_scheduledsparkapplications.yaml");
    }
    return scheduledSparkApplication;
  }

  /** The validator for {@code kind}, or null when the kind is not one of the operator's. */
  public static CrdSchemaValidator forKind(String kind) {
    return switch (kind) {
      case "SparkApplication" -> sparkApplication();
      case "ScheduledSparkApplication" -> scheduledSparkApplication();
      default -> null;
    };
  }

  private static CrdSchemaValidator load(String file) {
    Path dir = SharedReferenceData.operatorCrdDir();
    try {
      return CrdSchemaValidator.load(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRD " + file, e);
    }
  }
}
