package org.patientinsight.sparkapps.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.patientinsight.sparkapps.model.SparkApplication;
import org.patientinsight.sparkapps.submit.ApplicationNames;
import org.patientinsight.sparkapps.submit.ApplicationStateWaiter;
import org.patientinsight.sparkapps.submit.PollClock;
import org.patientinsight.sparkapps.submit.PipelineApplicationFactory;
import org.patientinsight.sparkapps.submit.PipelineRequest;
import org.patientinsight.sparkapps.submit.S3aUri;
import org.patientinsight.sparkapps.submit.SparkApplicationSubmitter;
import org.patientinsight.sparkapps.submit.SparkApplicationTemplate;
import org.patientinsight.sparkapps.submit.SubmitOutcome;
import org.patientinsight.sparkapps.submit.WaitResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code submit pipeline}: one pipeline run on the cluster through the Spark operator. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Submits the pipeline as a SparkApplication (Kubeflow Spark operator) and optionally waits "
        + "for it. The application name is derived from --input and --run-id, so submitting the same run twice "
        + "reports 'already submitted' instead of starting a second run. Uses the current kubeconfig context, "
        + "or the in-cluster service account.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:submitted or already submitted; with --wait: COMPLETED",
        "1:with --wait: the application FAILED",
        "2:invalid command line",
        "3:with --wait: --timeout passed before a terminal state",
        "4:Kubernetes API error, or the application was deleted while waiting"})
public final class PipelineSubmitCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "S3A_URI",
      description = "Raw input to process, e.g. s3a://bucket/raw/2024-05-01/.")
  private String input;

  @Option(names = "--wait", description = "Follow the application until COMPLETED or FAILED, printing each state change.")
  private boolean waitForCompletion;

  @Option(names = "--timeout", defaultValue = "30m", converter = DurationConverter.class,
      description = "How long --wait waits (e.g. 90s, 30m, 2h). Default: ${DEFAULT-VALUE}.")
  private Duration timeout;

  @Option(names = "--poll-interval", defaultValue = "5s", converter = DurationConverter.class,
      description = "How often --wait asks for the state. Default: ${DEFAULT-VALUE}.")
  private Duration pollInterval;

  @Option(names = "--namespace", defaultValue = "${env:PI_NAMESPACE:-patient-insight}",
      description = "Namespace of the SparkApplication (env PI_NAMESPACE). Default: ${DEFAULT-VALUE}.")
  private String namespace;

  @Option(names = "--image", description = "Job image; default: the template's image (env PI_JOB_IMAGE).",
      defaultValue = "${env:PI_JOB_IMAGE}")
  private String image;

  @Option(names = "--run-id", description = "Run id passed to the job; default: derived from --input.")
  private String runId;

  @Option(names = "--warehouse", paramLabel = "S3A_URI", defaultValue = "${env:PI_WAREHOUSE_URI}",
      description = "Warehouse root (env PI_WAREHOUSE_URI); default: the template's.")
  private String warehouse;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Extra setting passed to the job (repeatable).")
  private List<String> conf = new ArrayList<>();

  private final Supplier<KubernetesClient> clients;
  private final SparkApplicationTemplate template;
  private final PollClock clock;

  public PipelineSubmitCommand(Supplier<KubernetesClient> clients, SparkApplicationTemplate template,
      PollClock clock) {
    this.clients = clients;
    this.template = template;
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PipelineRequest request = buildRequest();
    SparkApplication app = new PipelineApplicationFactory(template).build(request);
    String ref = request.namespace() + "/" + request.name();
    try (KubernetesClient client = clients.get()) {
      SubmitOutcome outcome = new SparkApplicationSubmitter(client).submit(app);
      out.println(outcome == SubmitOutcome.CREATED
          ? "created SparkApplication " + ref + " (run id " + request.runId() + ")"
          : "already submitted: SparkApplication " + ref + " exists; not submitting again");
      out.flush();
      if (!waitForCompletion) {
        return ExitCodes.OK;
      }
      WaitResult result = new ApplicationStateWaiter(client, pollInterval, clock).await(
          request.namespace(), request.name(), timeout,
          (previous, current) -> {
            out.println("state: " + label(current));
            out.flush();
          });
      return report(result, ref, out, err);
    } catch (KubernetesClientException e) {
      err.println("Kubernetes API error for SparkApplication " + ref + ": HTTP " + e.getCode() + " " + e.getMessage());
      return ExitCodes.CLUSTER_ERROR;
    }
  }

  private PipelineRequest buildRequest() {
    try {
      S3aUri inputUri = S3aUri.parse("--input", input);
      String effectiveRunId = runId != null ? runId : ApplicationNames.forPipelineRun(inputUri.toString(), "");
      String name = ApplicationNames.forPipelineRun(inputUri.toString(), effectiveRunId);
      S3aUri warehouseUri = isBlank(warehouse) ? null : S3aUri.parse("--warehouse", warehouse);
      return new PipelineRequest(name, namespace, inputUri, effectiveRunId, isBlank(image) ? null : image,
          warehouseUri, null, conf);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private static int report(WaitResult result, String ref, PrintWriter out, PrintWriter err) {
    long seconds = result.waited().toSeconds();
    switch (result.outcome()) {
      case COMPLETED -> {
        out.println("SparkApplication " + ref + " COMPLETED after " + seconds + "s");
        return ExitCodes.OK;
      }
      case FAILED -> {
        err.println("SparkApplication " + ref + " FAILED after " + seconds + "s"
            + (result.errorMessage() == null ? "" : ": " + result.errorMessage()));
        return ExitCodes.APPLICATION_FAILED;
      }
      case TIMED_OUT -> {
        err.println("timed out after " + seconds + "s waiting for SparkApplication " + ref
            + " (last state: " + label(result.lastState()) + "); it keeps running on the cluster");
        return ExitCodes.TIMED_OUT;
      }
      default -> {
        err.println("SparkApplication " + ref + " was deleted while waiting (last state: "
            + label(result.lastState()) + ")");
        return ExitCodes.CLUSTER_ERROR;
      }
    }
  }

  private static String label(String state) {
    return state == null ? "(none yet)" : state;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
