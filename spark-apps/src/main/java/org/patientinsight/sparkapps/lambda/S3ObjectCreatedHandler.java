package org.patientinsight.sparkapps.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import org.patientinsight.sparkapps.model.SparkApplication;
import org.patientinsight.sparkapps.submit.ApplicationNames;
import org.patientinsight.sparkapps.submit.PipelineApplicationFactory;
import org.patientinsight.sparkapps.submit.PipelineRequest;
import org.patientinsight.sparkapps.submit.SparkApplicationSubmitter;
import org.patientinsight.sparkapps.submit.SparkApplicationTemplate;
import org.patientinsight.sparkapps.submit.SubmitOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * S3 "object created" → one SparkApplication per matching object. Idempotent: the application
 * name comes from bucket, key, eTag and versionId, so a redelivered event meets HTTP 409 and is
 * reported as already submitted. Any other failure is thrown so Lambda retries the event.
 */
public final class S3ObjectCreatedHandler implements RequestHandler<S3Event, SubmissionReport> {
  private static final Logger LOG = LoggerFactory.getLogger(S3ObjectCreatedHandler.class);

  private final LambdaSettings settings;
  private final RawObjectFilter filter;
  private final PipelineApplicationFactory factory;
  private final KubernetesClient client;

  /** Lambda's entry point: settings from the environment; client built once per container. */
  public S3ObjectCreatedHandler() {
    this(LambdaSettings.fromEnvironment(System.getenv()));
  }

  private S3ObjectCreatedHandler(LambdaSettings settings) {
    this(settings, eksClient(settings));
  }

  public S3ObjectCreatedHandler(LambdaSettings settings, KubernetesClient client) {
    this.settings = settings;
    this.filter = new RawObjectFilter(settings.inputPrefix(), settings.inputSuffixes());
    this.factory = new PipelineApplicationFactory(SparkApplicationTemplate.fromClasspath());
    this.client = client;
  }

  private static KubernetesClient eksClient(LambdaSettings settings) {
    Region region = Region.of(settings.region());
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    ClusterEndpoint endpoint = new ClusterEndpointResolver(settings, () -> EksClient.builder()
        .region(region)
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build()).resolve();
    EksTokenGenerator tokens = new EksTokenGenerator(settings.clusterName(), settings.region(), credentials,
        Clock.systemUTC());
    return EksKubernetesClients.create(endpoint,
        new RefreshingTokenProvider(tokens::token, Clock.systemUTC(), RefreshingTokenProvider.DEFAULT_MAX_AGE));
  }

  @Override
  public SubmissionReport handleRequest(S3Event event, Context context) {
    SubmissionReport report = new SubmissionReport();
    List<S3EventNotificationRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
    SparkApplicationSubmitter submitter = new SparkApplicationSubmitter(client);
    for (S3EventNotificationRecord record : records) {
      S3ObjectRef object = S3ObjectRef.from(record);
      if (!filter.accepts(record.getEventName(), object.key())) {
        report.ignored();
        continue;
      }
      SparkApplication app = factory.build(requestFor(object));
      String name = app.getMetadata().getName();
      if (submitter.submit(app) == SubmitOutcome.CREATED) {
        report.submitted(name);
        LOG.info("submitted SparkApplication {}/{} for bucket {} (key length {})",
            settings.namespace(), name, object.bucket(), object.key().length());
      } else {
        report.alreadySubmitted(name);
        LOG.info("already submitted: SparkApplication {}/{} exists; event was a redelivery",
            settings.namespace(), name);
      }
    }
    LOG.info("S3 event handled: {}", report);
    return report;
  }

  private PipelineRequest requestFor(S3ObjectRef object) {
    String name = ApplicationNames.forS3Object(object.bucket(), object.key(), object.eTag(), object.versionId());
    return new PipelineRequest(name, settings.namespace(), object.toS3a(), name, settings.image(),
        settings.warehouse(), settings.timeToLiveSeconds(), List.of());
  }
}
