package org.patientinsight.core.tracking;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.patientinsight.core.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Chooses where runs go, from the environment MLflow's own clients read:
 * <ul>
 *   <li>no {@code MLFLOW_TRACKING_URI}: the MLflow file store under the given root (./mlruns);
 *   <li>{@code file:/path} or a plain path: the file store there;
 *   <li>{@code http(s)://…}: an MLflow tracking server, with {@code MLFLOW_TRACKING_TOKEN}
 *       (bearer) or {@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD} (basic);
 *   <li>{@code arn:aws:sagemaker:<region>:<account>:mlflow-tracking-server/<name>}: SageMaker
 *       managed MLflow, signed with SigV4 and the default AWS credentials;
 *       {@code PI_MLFLOW_SAGEMAKER_ENDPOINT} overrides its endpoint, {@code MLFLOW_S3_ENDPOINT_URL}
 *       the S3 endpoint for artifacts.
 * </ul>
 * A URI that cannot be used gives a tracker whose every outcome is a failure naming
 * MLFLOW_TRACKING_URI: bad tracking configuration must not stop the pipeline.
 */
public final class RunTrackers {
  public static final String ENV_TRACKING_URI = "MLFLOW_TRACKING_URI";
  public static final String ENV_TOKEN = "MLFLOW_TRACKING_TOKEN";
  public static final String ENV_USERNAME = "MLFLOW_TRACKING_USERNAME";
  public static final String ENV_PASSWORD = "MLFLOW_TRACKING_PASSWORD";
  public static final String ENV_SAGEMAKER_ENDPOINT = "PI_MLFLOW_SAGEMAKER_ENDPOINT";
  public static final String ENV_S3_ENDPOINT = "MLFLOW_S3_ENDPOINT_URL";
  /** Config keys (core defaults.properties). */
  public static final String KEY_ENABLED = "tracking.enabled";
  public static final String KEY_EXPERIMENT = "tracking.experiment";

  private static final Logger LOG = LoggerFactory.getLogger(RunTrackers.class);

  private RunTrackers() {
  }

  /** Honours {@code tracking.enabled}; otherwise as {@link #fromEnvironment}. */
  public static RunTracker fromSettings(Settings settings, Map<String, String> env,
      Path defaultFileStoreRoot) {
    if (!settings.getBoolean(KEY_ENABLED)) {
      return disabled();
    }
    return fromEnvironment(env, defaultFileStoreRoot);
  }

  public static RunTracker fromEnvironment(Map<String, String> env, Path defaultFileStoreRoot) {
    String uri = blankToNull(env.get(ENV_TRACKING_URI));
    try {
      if (uri == null) {
        return fileStore(defaultFileStoreRoot);
      }
      if (SageMakerTrackingServer.looksLikeArn(uri)) {
        String endpoint = blankToNull(env.get(ENV_SAGEMAKER_ENDPOINT));
        String s3Endpoint = blankToNull(env.get(ENV_S3_ENDPOINT));
        return sageMaker(uri, endpoint == null ? null : URI.create(endpoint),
            s3Endpoint == null ? null : URI.create(s3Endpoint),
            DefaultCredentialsProvider.builder().build());
      }
      URI parsed = URI.create(uri);
      String scheme = parsed.getScheme();
      if (scheme == null) {
        return fileStore(Path.of(uri));
      }
      switch (scheme) {
        case "file":
          return fileStore(Path.of(parsed));
        case "http":
        case "https":
          return server(parsed, blankToNull(env.get(ENV_TOKEN)),
              blankToNull(env.get(ENV_USERNAME)), blankToNull(env.get(ENV_PASSWORD)),
              blankToNull(env.get(ENV_S3_ENDPOINT)));
        default:
          return unavailable(ENV_TRACKING_URI + " scheme '" + scheme + "' is not supported"
              + " (use http(s)://, file:, a path or a SageMaker MLflow tracking server ARN)");
      }
    } catch (IllegalArgumentException e) {
      return unavailable(e.getMessage().contains(ENV_TRACKING_URI) ? e.getMessage()
          : ENV_TRACKING_URI + " '" + uri + "' is not usable: " + e.getMessage());
    }
  }

  public static RunTracker fileStore(Path root) {
    return new FileStoreRunTracker(root);
  }

  /** A plain MLflow tracking server; basic auth wins when both it and a token are given. */
  public static RunTracker server(URI base, String token, String username, String password,
      String s3Endpoint) {
    RequestAuthorizer auth = username != null && password != null
        ? RequestAuthorizer.basic(username, password)
        : token != null ? RequestAuthorizer.bearer(token) : RequestAuthorizer.none();
    MlflowTransport transport = new MlflowTransport(base, auth);
    ArtifactUploader uploader = new RunArtifactUploader(new ProxyArtifactUploader(transport),
        () -> S3ArtifactUploader.create(new DefaultAwsRegionProviderChain().getRegion().id(),
            DefaultCredentialsProvider.builder().build(),
            s3Endpoint == null ? null : URI.create(s3Endpoint)));
    String root = transport.base();
    return new RestRunTracker("mlflow-server", new MlflowRestApi(transport), uploader,
        new LogBatchChunker(), System.getProperty("user.name"),
        (exp, run) -> root + "/#/experiments/" + exp + "/runs/" + run);
  }

  /**
   * SageMaker managed MLflow.
   *
   * @param endpoint null for {@code https://<region>.experiments.sagemaker.aws}
   * @param s3Endpoint null for AWS S3; else an S3-compatible endpoint for artifacts
   */
  public static RunTracker sageMaker(String arn, URI endpoint, URI s3Endpoint,
      AwsCredentialsProvider credentials) {
    SageMakerTrackingServer server = SageMakerTrackingServer.parse(arn);
    URI base = endpoint == null ? server.endpoint() : endpoint;
    MlflowTransport transport = new MlflowTransport(base,
        new SigV4RequestAuthorizer(server, credentials, Clock.systemUTC()));
    ArtifactUploader uploader = new RunArtifactUploader(null,
        () -> S3ArtifactUploader.create(server.region(), credentials, s3Endpoint));
    return new RestRunTracker("sagemaker-mlflow", new MlflowRestApi(transport), uploader,
        new LogBatchChunker(), System.getProperty("user.name"),
        (exp, run) -> server.arn() + " experiment " + exp + " run " + run);
  }

  /** Records nothing and says so (tracking.enabled=false). */
  public static RunTracker disabled() {
    return new RunTracker() {
      @Override
      public TrackingOutcome record(TrackedRun run) {
        return new TrackingOutcome(true, backend(), null, null, 0,
            "run tracking is disabled (" + KEY_ENABLED + "=false)", null);
      }

      @Override
      public String backend() {
        return "disabled";
      }
    };
  }

  private static RunTracker unavailable(String reason) {
    LOG.warn("run tracking unavailable: {}", reason);
    return new RunTracker() {
      @Override
      public TrackingOutcome record(TrackedRun run) {
        return TrackingOutcome.failed(backend(), null, null, 1, reason, null);
      }

      @Override
      public String backend() {
        return "unavailable";
      }
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
