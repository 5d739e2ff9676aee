package org.patientinsight.core.tracking;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SageMaker managed MLflow tracking server named by its ARN
 * ({@code arn:aws:sagemaker:<region>:<account>:mlflow-tracking-server/<name>}); its REST API is
 * served at {@code https://<region>.experiments.sagemaker.aws}.
 */
record SageMakerTrackingServer(String arn, String region, String account, String name) {
  private static final Pattern ARN = Pattern.compile(
      "arn:(aws[a-z-]*):sagemaker:([a-z0-9-]+):(\\d{12}):mlflow-tracking-server/([A-Za-z0-9-]+)");

  static boolean looksLikeArn(String uri) {
    return uri != null && uri.startsWith("arn:");
  }

  /** Parses the ARN; the message names MLFLOW_TRACKING_URI when it is malformed. */
  static SageMakerTrackingServer parse(String arn) {
    Matcher m = ARN.matcher(arn.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("MLFLOW_TRACKING_URI '" + arn + "' is not a SageMaker"
          + " MLflow tracking server ARN (arn:aws:sagemaker:<region>:<account>:"
          + "mlflow-tracking-server/<name>)");
    }
    return new SageMakerTrackingServer(arn.strip(), m.group(2), m.group(3), m.group(4));
  }

  URI endpoint() {
    return URI.create("https://" + region + ".experiments.sagemaker.aws");
  }
}
