package org.patientinsight.sparkapps.submit;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the jobs CLI arguments ({@code pipeline --input … --warehouse … --run-id … [--conf k=v …]})
 * on top of the template's arguments, which carry the deployment's default warehouse.
 */
final class PipelineArguments {
  static final String COMMAND = "pipeline";

  private PipelineArguments() {
  }

  static List<String> build(List<String> templateArguments, PipelineRequest request) {
    if (templateArguments.isEmpty() || !COMMAND.equals(templateArguments.get(0))) {
      throw new IllegalStateException("SparkApplication template must start its arguments with '" + COMMAND + "'");
    }
    List<String> args = new ArrayList<>(templateArguments);
    setOption(args, "--input", request.input().toString());
    if (request.warehouse() != null) {
      setOption(args, "--warehouse", request.warehouse().toString());
    }
    if (optionValue(args, "--warehouse") == null) {
      throw new IllegalStateException("no --warehouse in the template and none given");
    }
    setOption(args, "--run-id", request.runId());
    for (String conf : request.extraConf()) {
      args.add("--conf");
      args.add(conf);
    }
    return args;
  }

  /** Replaces the value after {@code option}, or appends the pair when the option is absent. */
  static void setOption(List<String> args, String option, String value) {
    int at = args.indexOf(option);
    if (at < 0) {
      args.add(option);
      args.add(value);
    } else if (at == args.size() - 1) {
      args.add(value);
    } else {
      args.set(at + 1, value);
    }
  }

  static String optionValue(List<String> args, String option) {
    int at = args.indexOf(option);
    return at < 0 || at == args.size() - 1 ? null : args.get(at + 1);
  }
}
