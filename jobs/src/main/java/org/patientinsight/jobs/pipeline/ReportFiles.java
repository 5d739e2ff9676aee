package org.patientinsight.jobs.pipeline;

import org.patientinsight.core.config.Redaction;
import org.patientinsight.core.config.WarehouseLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.patientinsight.quality.report.StatsReport;
import org.patientinsight.report.ReportRenderer;

/**
 * Writes {@code report.html} and {@code report.json} to {@code <warehouse>/reports/<run_id>/}
 * through Hadoop's FileSystem, so the same call works for a local warehouse and {@code s3a://}.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** Where a run's report lands. */
  public record Paths(String html, String json) {}

  /**
   * Renders and writes both files (overwriting an earlier report of the same run).
   *
   * @param hadoopConf e.g. {@code spark.sparkContext().hadoopConfiguration()}
   */
  public static Paths write(Configuration hadoopConf, WarehouseLayout warehouse, StatsReport report) {
    Paths paths = new Paths(warehouse.reportHtml(report.runId()), warehouse.reportJson(report.runId()));
    // the report quotes locations and messages; none may carry a URI's credentials
    put(hadoopConf, paths.json(), Redaction.text(ReportRenderer.json(report)));
    put(hadoopConf, paths.html(), Redaction.text(ReportRenderer.html(report)));
    return paths;
  }

  private static void put(Configuration conf, String file, String content) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(conf);
      try (OutputStream out = fs.create(path, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
