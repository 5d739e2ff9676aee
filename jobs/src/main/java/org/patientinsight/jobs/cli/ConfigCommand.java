package org.patientinsight.jobs.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "config", mixinStandardHelpOptions = true,
    description = "List every setting with its value and where it came from (default, file, environment).")
final class ConfigCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "A settings file to check and apply.")
  Path config;

  @Override
  public Integer call() {
    try {
      Settings s = Settings.load(config, System.getenv(), Map.of());
      for (Map.Entry<String, String> e : s.asMap().entrySet()) {
        System.out.printf("%-44s %-30s (%s; env %s)%n", e.getKey(), e.getValue(), s.origin(e.getKey()),
            Settings.envName(e.getKey()));
      }
      return 0;
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
  }
}
