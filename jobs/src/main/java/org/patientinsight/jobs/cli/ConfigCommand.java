package org.patientinsight.jobs.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Redaction;
import org.patientinsight.core.config.SettingDefinition;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.config.SettingsCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"List every setting (jobs and serving) with its value, where it came from "
        + "(default, file, environment, --set) and what it does.",
        "Exit code 2 and one line naming the key when a value is not valid."})
final class ConfigCommand implements Callable<Integer> {
  @Option(names = "--config", paramLabel = "FILE", description = "A settings file to check and apply.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting, as batch commands take it.")
  Map<String, String> overrides = new java.util.LinkedHashMap<>();

  @Option(names = "--check", description = "Only validate (file, environment, --set); print one line.")
  boolean check;

  @Override
  public Integer call() {
    Settings s;
    try {
      s = Settings.load(config, System.getenv(), overrides);
      SettingsPreflight.check(s);
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    if (check) {
      System.out.println("ok: " + s.asMap().size() + " settings valid"
          + (config == null ? "" : " (file " + config + ")"));
      return 0;
    }
    Map<String, SettingDefinition> defs = SettingsCatalog.fromClassPath().definitions();
    for (Map.Entry<String, String> e : s.asMap().entrySet()) {
      String key = e.getKey();
      System.out.printf("%-44s %-24s %-12s %s%n", key, shown(key, defs.get(key), e.getValue()), s.origin(key),
          Settings.envName(key));
      String description = defs.get(key).description();
      System.out.printf("    %s [%s]%n", description, defs.get(key).type().expected());
    }
    return 0;
  }

  /**
   * A value as the listing shows it: hidden when its type, its name or its environment
   * variable marks a secret ({@code PI_ALERTS_WEBHOOK_URL} carries a token), else with the
   * credentials of any URI in it redacted.
   */
  static String shown(String key, SettingDefinition def, String value) {
    boolean secret = def.type().isSecret() || Redaction.isSecretName(key)
        || Redaction.isSecretName(Settings.envName(key));
    if (value == null || value.isEmpty()) {
      return "(empty)";
    }
    return secret ? "(set, hidden)" : Redaction.text(value);
  }
}
