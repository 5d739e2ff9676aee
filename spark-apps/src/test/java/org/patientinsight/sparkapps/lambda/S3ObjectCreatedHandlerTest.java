package org.patientinsight.sparkapps.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientinsight.sparkapps.manifests.ManifestDocuments;
import org.patientinsight.sparkapps.manifests.OperatorSchemas;
import org.patientinsight.sparkapps.model.SparkApplication;
import org.patientinsight.sparkapps.submit.ApplicationNames;
import org.patientinsight.sparkapps.submit.MockKubernetes;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Acceptance 2: the Lambda handler with real-shaped S3 events, its EKS token, against the mock
 * API server through the same client setup as in AWS (endpoint + CA + token, no kubeconfig).
 */
class S3ObjectCreatedHandlerTest {
  private static final String NS = "patient-insight";
  private static final String BUCKET = "patient-insight-data";
  private static final String DECODED_KEY = "raw/2024-05-01/cases batch (1).csv";

  private MockKubernetes mock;
  private KubernetesClient lambdaClient;
  private NamespacedKubernetesClient observer;
  private EksTokenGenerator tokens;
  private LambdaSettings settings;

  @BeforeEach
  void start() {
    mock = MockKubernetes.start();
    observer = mock.client();
    settings = LambdaSettings.fromEnvironment(Map.of(
        LambdaSettings.CLUSTER_NAME, "patient-insight-eks",
        LambdaSettings.REGION, "eu-west-1",
        LambdaSettings.ENDPOINT, mock.url(),
        LambdaSettings.NAMESPACE, NS,
        LambdaSettings.IMAGE, "111122223333.dkr.ecr.eu-west-1.amazonaws.com/patient-insight-job:abc123",
        LambdaSettings.WAREHOUSE, "s3a://patient-insight-data/warehouse"));
    Clock fixed = Clock.fixed(Instant.parse("2024-05-01T06:13:00Z"), ZoneOffset.UTC);
    tokens = new EksTokenGenerator(settings.clusterName(), settings.region(),
        StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAEXAMPLEKEY", "secretExample", "sessionTokenExample")),
        fixed);
    lambdaClient = EksKubernetesClients.create(new ClusterEndpoint(settings.endpoint(), settings.caData()),
        new RefreshingTokenProvider(tokens::token, fixed, Duration.ofMinutes(10)));
  }

  @AfterEach
  void stop() {
    lambdaClient.close();
    observer.close();
    mock.close();
  }

  private List<SparkApplication> apps() {
    return observer.resources(SparkApplication.class).inNamespace(NS).list().getItems();
  }

  @Test
  void oneApplicationPerMatchingObjectEvenWhenTheEventIsDeliveredTwice() {
    S3ObjectCreatedHandler handler = new S3ObjectCreatedHandler(settings, lambdaClient);
    S3Event event = EventLoader.loadS3Event("events/s3-object-created.json");

    SubmissionReport first = handler.handleRequest(event, null);
    assertEquals(1, first.getSubmitted().size(), first.toString());
    assertEquals(List.of(), first.getAlreadySubmitted());
    assertEquals(1, first.getIgnoredRecords(), "the record outside raw/ is ignored");

    SubmissionReport redelivered = handler.handleRequest(EventLoader.loadS3Event("events/s3-object-created.json"), null);
    assertEquals(List.of(), redelivered.getSubmitted());
    assertEquals(first.getSubmitted(), redelivered.getAlreadySubmitted());

    List<SparkApplication> apps = apps();
    assertEquals(1, apps.size());
    SparkApplication app = apps.get(0);
    assertEquals(ApplicationNames.forS3Object(BUCKET, DECODED_KEY, "d41d8cd98f00b204e9800998ecf8427e",
        "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"), app.getMetadata().getName());
    List<String> args = app.getSpec().getArguments();
    assertEquals("s3a://" + BUCKET + "/" + DECODED_KEY, args.get(args.indexOf("--input") + 1),
        "the key is URL-decoded: '+' is a space, %28/%29 are parentheses");
    assertEquals(app.getMetadata().getName(), args.get(args.indexOf("--run-id") + 1));
    assertEquals(settings.image(), app.getSpec().getImage());
    assertTrue(app.getSpec().getTimeToLiveSeconds() > LambdaSettings.MAX_EVENT_AGE.toSeconds(),
        "TTL outlives Lambda's retries, so a late redelivery still meets the 409");
  }

  @Test
  void everyRequestCarriesTheEksTokenAsBearer() throws Exception {
    new S3ObjectCreatedHandler(settings, lambdaClient).handleRequest(EventLoader.loadS3Event("events/s3-object-created.json"), null);
    String expected = "Bearer " + tokens.token();
    List<RecordedRequest> lambdaRequests = new ArrayList<>();
    for (int i = mock.server().getRequestCount(); i > 0; i--) {
      lambdaRequests.add(mock.server().takeRequest(1, TimeUnit.SECONDS));
    }
    assertTrue(lambdaRequests.stream().anyMatch(q -> "POST".equals(q.getMethod())), "a create was sent");
    for (RecordedRequest request : lambdaRequests) {
      assertEquals(expected, request.getHeader("Authorization"), request.getRequestLine());
    }
    assertTrue(expected.startsWith("Bearer k8s-aws-v1."));
  }

  @Test
  void aNewVersionOfTheSameKeyIsANewRun() throws Exception {
    S3ObjectCreatedHandler handler = new S3ObjectCreatedHandler(settings, lambdaClient);
    handler.handleRequest(EventLoader.loadS3Event("events/s3-object-created.json"), null);
    Path changed = Files.createTempFile("s3-event-new-version", ".json");
    String json = new String(getClass().getResourceAsStream("/events/s3-object-created.json").readAllBytes(),
        StandardCharsets.UTF_8)
        .replace("d41d8cd98f00b204e9800998ecf8427e", "9e107d9d372bb6826bd81d3542a419d6")
        .replace("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", "Vx7fLJ1HR0bV0jQpiuQz2Q9nFvT1ZvmC");
    Files.writeString(changed, json);
    SubmissionReport report = handler.handleRequest(EventLoader.loadS3Event(changed.toString()), null);
    assertEquals(1, report.getSubmitted().size());
    assertEquals(2, apps().size());
  }

  @Test
  void errorsOtherThanConflictAreRethrownSoLambdaRetries() {
    S3ObjectCreatedHandler handler = new S3ObjectCreatedHandler(settings, lambdaClient);
    mock.close(); // API server unreachable
    assertThrows(KubernetesClientException.class,
        () -> handler.handleRequest(EventLoader.loadS3Event("events/s3-object-created.json"), null));
    mock = MockKubernetes.start();
  }

  @Test
  void theApplicationTheLambdaCreatesValidatesAgainstTheOperatorSchema() throws Exception {
    new S3ObjectCreatedHandler(settings, lambdaClient).handleRequest(EventLoader.loadS3Event("events/s3-object-created.json"), null);
    SparkApplication stored = apps().get(0);
    var json = ManifestDocuments.YAML.readTree(new KubernetesSerialization().asJson(stored));
    // server-set metadata (uid, resourceVersion, …) is allowed: metadata is an open object in the CRD
    assertEquals(List.of(), OperatorSchemas.sparkApplication().validate(json));
  }
}
