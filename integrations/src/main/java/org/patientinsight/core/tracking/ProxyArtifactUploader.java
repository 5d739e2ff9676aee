package org.patientinsight.core.tracking;

import org.patientinsight.core.config.Locations;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploads through the tracking server's artifact proxy (a server started with
 * --serve-artifacts, whose runs have {@code mlflow-artifacts:/<exp>/<run>/artifacts} URIs):
 * {@code PUT /api/2.0/mlflow-artifacts/artifacts/<exp>/<run>/artifacts/<file name>}.
 * mlflow-client's own logArtifact shells out to a Python MLflow install, hence this.
 */
final class ProxyArtifactUploader implements ArtifactUploader {
  static final String SCHEME = "mlflow-artifacts";
  private final MlflowTransport transport;

  ProxyArtifactUploader(MlflowTransport transport) {
    this.transport = transport;
  }

  @Override
  public void upload(MlflowRestApi.CreatedRun run, Path file)
      throws IOException, MlflowApiException {
    String root = URI.create(run.artifactUri()).getPath();
    if (root == null) {
      throw new IOException("run artifact URI has no path: " + run.artifactUri());
    }
    // the proxy takes the path relative to its root: no leading slashes, none trailing
    String dir = Locations.withoutTrailingSlashes(root).replaceFirst("^/+", "");
    String path = dir + "/" + file.getFileName();
    transport.putArtifact(path, Files.readAllBytes(file), ContentTypes.of(file));
  }
}
