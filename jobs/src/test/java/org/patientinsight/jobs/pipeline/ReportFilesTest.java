package org.patientinsight.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.WarehouseLayout;
import org.patientinsight.quality.report.SampleReports;
import org.patientinsight.quality.report.StatsReport;
import org.patientinsight.report.ReportRenderer;

/** The report's two files land under the warehouse's reports folder, named by run id. */
class ReportFilesTest {
  @Test
  void filesLandUnderTheWarehouseReportsFolder() throws Exception {
    java.nio.file.Path warehouse = java.nio.file.Files.createTempDirectory("rep");
    StatsReport plain = SampleReports.withRunId("run-42", "NOTE_EMPTY");
    ReportFiles.Paths paths = ReportFiles.write(new org.apache.hadoop.conf.Configuration(),
        WarehouseLayout.of(warehouse.toString()), plain);
    java.nio.file.Path html = warehouse.resolve("reports/run-42/report.html");
    assertEquals(html.toString(), paths.html());
    assertEquals(ReportRenderer.html(plain), java.nio.file.Files.readString(html));
    assertTrue(java.nio.file.Files.readString(warehouse.resolve("reports/run-42/report.json"))
        .contains("\"run_id\" : \"run-42\""));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ReportFiles.write(new org.apache.hadoop.conf.Configuration(),
            WarehouseLayout.of(warehouse.toString()), SampleReports.withRunId("../escape", "NOTE_EMPTY")));
  }
}
