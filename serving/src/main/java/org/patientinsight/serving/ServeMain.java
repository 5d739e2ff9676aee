package org.patientinsight.serving;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;
import org.patientinsight.core.embed.MiniLmEmbedder;
import org.patientinsight.serving.http.ApiKeyAuth;
import org.patientinsight.serving.log.EventLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code patient-insight serve}: the HTTP RAG service on the warehouse's vector index. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve /api/v1/analyses, /health and /metrics over the case index.")
public final class ServeMain implements Callable<Integer> {
  @Option(names = "--log-format", paramLabel = "json|text",
      description = "log lines as JSON objects (default when stdout is not a terminal) or text (default on a terminal)")
  String logFormat;

  @Option(names = "--port", description = "port (default: serving.port)")
  Integer port;

  @Option(names = "--warehouse", description = "warehouse root (default: warehouse key)")
  Path warehouse;

  @Option(names = "--config", description = "configuration file (.properties or flat .yaml)")
  Path config;

  @Option(names = "--insecure-dev", description = "no API keys: for a developer's own machine only")
  boolean insecureDev;

  public static void main(String[] args) {
    String format = logFormat(args, System.console() != null);
    if (System.getProperty("log4j2.configurationFile") == null) { // unless the operator chose one
      System.setProperty("log4j2.configurationFile",
          "text".equalsIgnoreCase(format) ? "log4j2-serving-text.xml" : "log4j2-serving.xml");
    }
    System.exit(new CommandLine(new ServeMain()).execute(args));
  }

  /**
   * JSON lines for log collectors, text for a person at a terminal, or what --log-format says;
   * decided from the raw arguments because it must be known before the first logger exists.
   */
  static String logFormat(String[] args, boolean terminal) {
    String format = terminal ? "text" : "json";
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--log-format=")) {
        format = args[i].substring("--log-format=".length());
      } else if (args[i].equals("--log-format") && i + 1 < args.length) {
        format = args[i + 1];
      }
    }
    return format;
  }

  @Override
  public Integer call() throws Exception {
    if (logFormat != null && !logFormat.equalsIgnoreCase("json") && !logFormat.equalsIgnoreCase("text")) {
      System.err.println("serve: --log-format must be json or text, got '" + logFormat + "'");
      return 2;
    }
    Map<String, String> overrides = new HashMap<>();
    if (port != null) {
      overrides.put("serving.port", port.toString());
    }
    if (warehouse != null) {
      overrides.put("warehouse", warehouse.toString());
    }
    Map<String, String> env = System.getenv();
    ApiKeyAuth auth;
    Settings settings;
    try {
      settings = Settings.load(config, env, overrides);
      auth = ApiKeyAuth.fromHashes(env.get(ApiKeyAuth.ENV), env.get(ApiKeyAuth.ADMIN_ENV));
    } catch (ConfigException e) {
      System.err.println("serve: " + e.getMessage());
      return 2;
    }
    if (insecureDev) {
      for (int i = 0; i < 3; i++) {
        EventLog.warn("insecure_dev_mode").code("auth", "off")
            .code("detail", "API key auth OFF (--insecure-dev): developer machines only").log();
      }
      auth = null;
    } else if (!auth.hasKeys()) {
      System.err.println("serve: no API keys configured: set " + ApiKeyAuth.ENV
          + " to comma-separated SHA-256 hex digests of the keys, or pass --insecure-dev on a "
          + "developer machine");
      return 2;
    }
    ServingComponents components;
    try {
      components = ServingComponents.build(settings, env, MiniLmEmbedder.shared(), auth);
    } catch (ConfigException e) {
      System.err.println("serve: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      // index, analyses database, or model could not be opened
      System.err.println("serve: cannot start: " + e.getMessage());
      return 1;
    }
    components.server().start();
    // load the model before saying ready; /health/ready reports 503 until then
    components.embedder().embed("warm-up");
    components.readiness().embedderLoaded();
    EventLog.info("ready").num("port", components.server().port()).log();
    String host = settings.get("serving.bind");
    String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    System.err.println("listening on http://" + shown + ":" + components.server().port()
        + "/  (page at /, API at /api/v1/analyses, Ctrl-C stops)");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      components.close();
      stop.countDown();
    }, "serving-shutdown"));
    stop.await();
    return 0;
  }
}
