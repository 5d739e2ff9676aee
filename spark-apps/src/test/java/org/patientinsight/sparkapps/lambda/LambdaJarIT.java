package org.patientinsight.sparkapps.lambda;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Runs after {@code package} (failsafe): the Lambda deployment jar fits Lambda's limits and holds
 * the handler, the template and the service files fabric8 needs.
 */
class LambdaJarIT {
  /** Direct upload limit for a zipped deployment package; 250 MB applies unzipped. */
  private static final long MAX_ZIPPED = 50L * 1024 * 1024;
  private static final long MAX_UNZIPPED = 250L * 1024 * 1024;

  @Test
  void fitsLambdaLimitsAndContainsWhatTheHandlerNeeds() throws Exception {
    Path jar = Path.of(System.getProperty("pi.lambda.jar"));
    assertTrue(Files.isRegularFile(jar), jar.toString());
    long zipped = Files.size(jar);
    assertTrue(zipped < MAX_ZIPPED, "zipped " + zipped);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      long unzipped = zip.stream().mapToLong(ZipEntry::getSize).sum();
      assertTrue(unzipped < MAX_UNZIPPED, "unzipped " + unzipped);
      assertNotNull(zip.getEntry("org/patientinsight/sparkapps/lambda/S3ObjectCreatedHandler.class"));
      assertNotNull(zip.getEntry("patient-insight/k8s/pipeline-sparkapplication.yaml"));
      assertNotNull(zip.getEntry("META-INF/services/io.fabric8.kubernetes.client.http.HttpClient$Factory"));
      String factories = new String(zip.getInputStream(
          zip.getEntry("META-INF/services/io.fabric8.kubernetes.client.http.HttpClient$Factory")).readAllBytes());
      assertTrue(factories.contains("JdkHttpClientFactory"), factories);
      System.out.printf("lambda jar: %.1f MB zipped, %.1f MB unzipped%n", zipped / 1048576.0, unzipped / 1048576.0);
    }
  }
}
