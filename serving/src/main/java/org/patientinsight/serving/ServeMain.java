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
  static {
    // JSON log lines unless the operator chose another log4j configuration
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "log4j2-serving.xml");
    }
  }

  @Option(names = "--port", description = "port (default: serving.port)")
  Integer port;

  @Option(names = "--warehouse", description = "warehouse root (default: warehouse key)")
  Path warehouse;

  @Option(names = "--config", description = "configuration file (.properties or flat .yaml)")
  Path config;

  @Option(names = "--insecure-dev", description = "no API keys: for a developer's own machine only")
  boolean insecureDev;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
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
    MiniLmEmbedder.shared().embed("warm-up");
    components.readiness().embedderLoaded();
    EventLog.info("ready").num("port", components.server().port()).log();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      components.close();
      stop.countDown();
    }, "serving-shutdown"));
    stop.await();
    return 0;
  }
}
