package org.patientinsight.core.tracking;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Picks the upload route from the run's artifact URI, as MLflow's own clients do: the server's
 * artifact proxy for {@code mlflow-artifacts:}, S3 for {@code s3://}. The S3 route is made on
 * first use (a plain server usually never needs it).
 */
final class RunArtifactUploader implements ArtifactUploader {
  private final ArtifactUploader proxy;
  private final Supplier<ArtifactUploader> s3Factory;
  private ArtifactUploader s3;

  RunArtifactUploader(ArtifactUploader proxy, Supplier<ArtifactUploader> s3Factory) {
    this.proxy = proxy;
    this.s3Factory = s3Factory;
  }

  @Override
  public void upload(MlflowRestApi.CreatedRun run, Path file)
      throws IOException, MlflowApiException {
    String scheme = run.artifactUri() == null || run.artifactUri().isEmpty() ? null
        : URI.create(run.artifactUri()).getScheme();
    if (ProxyArtifactUploader.SCHEME.equals(scheme) && proxy != null) {
      proxy.upload(run, file);
    } else if (S3ArtifactUploader.SCHEME.equals(scheme)) {
      s3().upload(run, file);
    } else {
      throw new IOException("cannot upload to run artifact location '" + run.artifactUri()
          + "': only mlflow-artifacts: (server started with --serve-artifacts) and s3:// are"
          + " supported");
    }
  }

  private synchronized ArtifactUploader s3() {
    if (s3 == null) {
      s3 = s3Factory.get();
    }
    return s3;
  }
}
