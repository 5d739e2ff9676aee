package org.patientinsight.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every batch command takes. */
public final class CommonOptions {
  @Option(names = "--warehouse", paramLabel = "URI",
      description = "Where the tables live: a local path or s3a://bucket/prefix (default: ./warehouse, or the config's 'warehouse').")
  String warehouse;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A patient-insight.yaml or .properties file of settings.")
  Path config;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "Id for this run (default: a new time-based id).")
  String runId;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
      description = "A Spark or Hadoop setting, passed through as spark-submit --conf does "
          + "(e.g. spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000). Repeatable.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one PatientInsight setting (see 'patient-insight config'). Repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--summary-json", paramLabel = "FILE",
      description = "Also write the run summary JSON to this local file.")
  Path summaryJson;

  @Option(names = "--verbose", description = "Show stack traces and Spark's own INFO logs.")
  boolean verbose;
}
