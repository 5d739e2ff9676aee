package org.patientinsight.serving.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * A Hugging Face TGI container behind a SageMaker endpoint (how OpenBioLLM is deployed),
 * called with InvokeEndpoint: {@code {"inputs": prompt, "parameters": {...}}} in,
 * {@code [{"generated_text": ...}]} out. The SDK's standard retry strategy retries
 * throttling and 5xx with exponential back-off; each attempt and the whole call are timed out.
 */
public final class SageMakerTgiClient implements CompletionClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Endpoint settings; {@code endpointOverride} is null for the real AWS endpoint. */
  public record Options(String endpointName, String region, URI endpointOverride, int maxTokens,
      double temperature, Duration timeout, int maxAttempts, long backoffBaseMillis,
      PromptFormat format) {}

  private final Options o;
  private final SageMakerRuntimeClient client;

  public SageMakerTgiClient(Options options) {
    this(options, DefaultCredentialsProvider.builder().build());
  }

  public SageMakerTgiClient(Options options, AwsCredentialsProvider credentials) {
    if (options.endpointName() == null || options.endpointName().isBlank()) {
      throw new GenerationException(GenerationException.Kind.NOT_CONFIGURED,
          "serving.sagemaker.endpoint must name the endpoint when serving.generator=sagemaker");
    }
    this.o = options;
    Duration base = Duration.ofMillis(Math.max(1, options.backoffBaseMillis()));
    Duration cap = Duration.ofSeconds(20);
    var retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(options.maxAttempts())
        .backoffStrategy(BackoffStrategy.exponentialDelay(base, cap))
        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(base.multipliedBy(2), cap))
        .build();
    var overrides = ClientOverrideConfiguration.builder()
        .retryStrategy(retry)
        .apiCallAttemptTimeout(options.timeout())
        .apiCallTimeout(options.timeout().multipliedBy(options.maxAttempts()).plusSeconds(30))
        .build();
    var b = SageMakerRuntimeClient.builder()
        .region(Region.of(options.region()))
        .credentialsProvider(credentials)
        .httpClient(ApacheHttpClient.builder().socketTimeout(options.timeout())
            .connectionTimeout(Duration.ofSeconds(10)).build())
        .overrideConfiguration(overrides);
    if (options.endpointOverride() != null) {
      b.endpointOverride(options.endpointOverride());
    }
    this.client = b.build();
  }

  @Override
  public String name() {
    return "sagemaker:" + o.endpointName();
  }

  @Override
  public Generation complete(Prompt prompt) {
    InvokeEndpointRequest req = InvokeEndpointRequest.builder()
        .endpointName(o.endpointName())
        .contentType("application/json")
        .accept("application/json")
        .body(SdkBytes.fromByteArray(payload(prompt)))
        .build();
    InvokeEndpointResponse resp;
    try {
      resp = client.invokeEndpoint(req);
    } catch (ApiCallAttemptTimeoutException | ApiCallTimeoutException e) {
      throw new GenerationException(GenerationException.Kind.TIMEOUT,
          "SageMaker endpoint did not answer within " + o.timeout().toSeconds() + " s", e);
    } catch (AwsServiceException e) {
      GenerationException.Kind kind = e.isThrottlingException()
          ? GenerationException.Kind.THROTTLED : GenerationException.Kind.UPSTREAM_ERROR;
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      throw new GenerationException(kind, "SageMaker InvokeEndpoint failed with HTTP "
          + e.statusCode() + (code == null ? "" : " " + code) + " after "
          + (e.numAttempts() == null ? "?" : e.numAttempts()) + " attempt(s)", e);
    } catch (SdkException e) {
      boolean timeout = hasCause(e, SocketTimeoutException.class);
      throw new GenerationException(timeout ? GenerationException.Kind.TIMEOUT
          : GenerationException.Kind.UPSTREAM_ERROR,
          timeout ? "SageMaker endpoint did not answer within " + o.timeout().toSeconds() + " s"
              : "cannot call the SageMaker endpoint: " + e.getClass().getSimpleName(), e);
    }
    return parse(resp.body().asByteArray());
  }

  byte[] payload(Prompt prompt) {
    ObjectNode root = JSON.createObjectNode();
    root.put("inputs", o.format().render(prompt));
    ObjectNode p = root.putObject("parameters");
    p.put("max_new_tokens", o.maxTokens());
    if (o.temperature() > 0) {
      p.put("temperature", o.temperature());
      p.put("do_sample", true);
    } else {
      p.put("do_sample", false); // TGI rejects temperature 0; greedy decoding instead
    }
    p.put("return_full_text", false);
    p.put("details", true); // generated_tokens; decoder_input_details adds the prompt tokens
    p.put("decoder_input_details", true);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Generation parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new GenerationException(GenerationException.Kind.BAD_RESPONSE,
          "SageMaker endpoint answered with something that is not JSON", e);
    }
    JsonNode first = root.isArray() ? root.path(0) : root;
    JsonNode text = first.path("generated_text");
    if (!text.isTextual() || text.asText().isBlank()) {
      throw new GenerationException(GenerationException.Kind.BAD_RESPONSE,
          "SageMaker endpoint response has no generated_text");
    }
    JsonNode details = first.path("details");
    Integer completion = details.has("generated_tokens") ? details.get("generated_tokens").asInt() : null;
    Integer prompt = details.path("prefill").isArray() ? details.get("prefill").size() : null;
    return new Generation(text.asText().strip(), prompt, completion, null, 0);
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
