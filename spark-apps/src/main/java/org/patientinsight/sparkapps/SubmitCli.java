package org.patientinsight.sparkapps;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.patientinsight.sparkapps.cli.PipelineSubmitCommand;
import org.patientinsight.sparkapps.submit.PollClock;
import org.patientinsight.sparkapps.submit.SparkApplicationTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code patient-insight submit …}: submits jobs to EKS through the Spark operator.
 * Receives the arguments after the word {@code submit}.
 */
@Command(name = "patient-insight submit", mixinStandardHelpOptions = true,
    description = "Submits PatientInsight jobs to Kubernetes through the Kubeflow Spark operator.")
public final class SubmitCli implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private SubmitCli() {
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing job to submit (try: pipeline --help)");
  }

  /** Command line wired to {@code clients}; tests pass a client for a mock API server. */
  public static CommandLine commandLine(Supplier<KubernetesClient> clients) {
    return commandLine(clients, PollClock.SYSTEM);
  }

  /** @param clock what {@code --wait} polls on; tests pass one that moves only when it waits */
  public static CommandLine commandLine(Supplier<KubernetesClient> clients, PollClock clock) {
    SparkApplicationTemplate template = SparkApplicationTemplate.fromClasspath();
    CommandLine cli = new CommandLine(new SubmitCli());
    cli.addSubcommand(new CommandLine(new PipelineSubmitCommand(clients, template, clock)));
    return cli;
  }

  public static void main(String[] args) {
    // kubeconfig (KUBECONFIG / ~/.kube/config) or the in-cluster service account, as kubectl would
    int code = commandLine(() -> new KubernetesClientBuilder().build()).execute(args);
    System.exit(code);
  }
}
