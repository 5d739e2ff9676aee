package org.patientinsight.core.tracking;

import java.io.IOException;
import java.nio.file.Path;

/** Stores one artifact file, under its file name, in a run's artifact location. */
interface ArtifactUploader {
  void upload(MlflowRestApi.CreatedRun run, Path file) throws IOException, MlflowApiException;
}
