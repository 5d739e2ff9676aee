package org.patientinsight.jobs.lineage;

import org.patientinsight.core.config.WarehouseLayout;
import io.openlineage.spark.agent.OpenLineageSparkListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.core.config.Locations;
import org.patientinsight.core.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenLineage events (run start/complete, input and output datasets) for every Spark job one
 * command runs, from OpenLineage's own Spark listener: to a JSON-lines file per run by default,
 * or to an HTTP endpoint (Marquez, OpenMetadata, DataZone). The listener is attached for this
 * run only, so each run's events land in its own file; a session whose {@code spark.extraListeners}
 * already names OpenLineage (spark-submit on EKS) is left to it.
 */
public final class Lineage implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lineage.class);
  public static final String API_KEY_ENV = "PI_LINEAGE_API_KEY";
  private static final long DRAIN_MILLIS = 30_000;

  private final SparkContext sc;
  private final OpenLineageSparkListener listener;
  private final Map<String, Object> section;

  private Lineage(SparkContext sc, OpenLineageSparkListener listener, Map<String, Object> section) {
    this.sc = sc;
    this.listener = listener;
    this.section = section;
  }

  /** Starts emitting this run's events as the settings say; never fails the run. */
  public static Lineage attach(SparkSession spark, Settings settings, String runId, WarehouseLayout warehouse,
      Map<String, String> env) {
    SparkContext sc = spark.sparkContext();
    Map<String, Object> section = new LinkedHashMap<>();
    String transport = settings.getChoice("lineage.transport", "file", "http", "none");
    if (sc.getConf().get("spark.extraListeners", "").contains("OpenLineageSparkListener")) {
      section.put("transport", "spark-conf");
      section.put("message", "spark.extraListeners already emits OpenLineage events");
      return new Lineage(sc, null, section);
    }
    section.put("transport", transport);
    if (transport.equals("none")) {
      return new Lineage(sc, null, section);
    }
    SparkConf conf = sc.getConf().clone();
    conf.set("spark.openlineage.namespace", settings.get("lineage.namespace"));
    conf.set("spark.openlineage.parentJobNamespace", settings.get("lineage.namespace"));
    conf.set("spark.openlineage.transport.type", transport);
    if (transport.equals("file")) {
      Path file = eventFile(settings, warehouse, runId);
      if (file == null) {
        section.put("transport", "none");
        section.put("message", "lineage.dir is empty and the warehouse is not local: no lineage file");
        return new Lineage(sc, null, section);
      }
      try {
        Files.createDirectories(file.getParent());
      } catch (java.io.IOException e) {
        section.put("transport", "none");
        section.put("message", "cannot create " + file.getParent() + ": " + e.getMessage());
        return new Lineage(sc, null, section);
      }
      conf.set("spark.openlineage.transport.location", file.toString());
      section.put("location", file.toString());
    } else {
      String url = settings.getOptional("lineage.http.url");
      if (url == null) { // refused before Spark by the settings preflight; kept safe here
        section.put("transport", "none");
        section.put("message", "lineage.transport=http needs lineage.http.url");
        return new Lineage(sc, null, section);
      }
      conf.set("spark.openlineage.transport.url", url);
      conf.set("spark.openlineage.transport.endpoint", settings.get("lineage.http.endpoint"));
      String key = env.get(API_KEY_ENV);
      if (key != null && !key.isBlank()) {
        conf.set("spark.openlineage.transport.auth.type", "api_key");
        conf.set("spark.openlineage.transport.auth.apiKey", key);
      }
      section.put("location", url);
    }
    try {
      OpenLineageSparkListener listener = new OpenLineageSparkListener(conf);
      sc.addSparkListener(listener);
      return new Lineage(sc, listener, section);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("[{}] lineage off: {}", runId, e.toString());
      section.put("transport", "none");
      section.put("message", "listener failed to start: " + e.getClass().getSimpleName());
      return new Lineage(sc, null, section);
    }
  }

  /** {@code <lineage.dir or warehouse/lineage>/<run_id>.jsonl}; null when neither is local. */
  static Path eventFile(Settings settings, WarehouseLayout warehouse, String runId) {
    String dir = settings.getOptional("lineage.dir");
    if (dir == null) {
      return warehouse.isLocal() ? warehouse.localPath(warehouse.lineageFile(runId)) : null;
    }
    return Path.of(Locations.absolute(dir), WarehouseLayout.lineageFileName(runId));
  }

  /** What the run summary says about lineage: transport and where events went. */
  public Map<String, Object> section() {
    return section;
  }

  /** Lets the listener see every event of this run, then detaches it. */
  @Override
  public void close() {
    if (listener == null) {
      return;
    }
    try {
      // events reach listeners on Spark's bus thread: drain it so the last COMPLETE is written
      sc.listenerBus().waitUntilEmpty(DRAIN_MILLIS);
    } catch (Exception e) {
      LOG.warn("lineage: events may be incomplete ({})", e.toString());
    } finally {
      sc.removeSparkListener(listener);
      listener.close();
    }
  }
}
