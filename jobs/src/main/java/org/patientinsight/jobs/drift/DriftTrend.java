package org.patientinsight.jobs.drift;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.contract.DriftReportsTable;
import org.patientinsight.jobs.run.RunContext;
import org.patientinsight.jobs.tables.TableVersions;
import org.patientinsight.quality.drift.DriftPolicy;
import org.patientinsight.quality.drift.EmbeddingDriftPolicy;
import org.patientinsight.report.DriftTrendSvg;

/** The last {@code drift.trend_runs} runs' KS D, PSI and AUC from {@code drift_reports}, as a chart. */
public final class DriftTrend {
  private DriftTrend() {
  }

  public static List<DriftTrendSvg.Point> load(RunContext ctx, int runs) {
    String path = ctx.layout().table(DriftReportsTable.NAME);
    List<DriftTrendSvg.Point> out = new ArrayList<>();
    if (TableVersions.versionOf(ctx.spark(), path) < 0) {
      return out;
    }
    Dataset<Row> reports = ctx.spark().read().format("delta").load(path);
    boolean hasAuc = java.util.Arrays.asList(reports.columns()).contains(DriftReportsTable.DOMAIN_AUC);
    Column embedding = col(DriftReportsTable.SCOPE).equalTo(DriftReportsTable.SCOPE_EMBEDDING);
    Dataset<Row> perRun = reports.groupBy(DriftReportsTable.RUN_ID)
        .agg(max(DriftReportsTable.CREATED_AT).as("at"),
        first(when(not(embedding), col(DriftReportsTable.KS_D)), true).as("ks_d"),
        first(when(not(embedding), col(DriftReportsTable.PSI)), true).as("psi"),
        (hasAuc ? first(when(embedding, col(DriftReportsTable.DOMAIN_AUC)), true)
            : org.apache.spark.sql.functions.lit(null).cast("double")).as("auc"));
    List<Row> rows = perRun.orderBy(col("at").desc()).limit(runs).collectAsList();
    for (int i = rows.size() - 1; i >= 0; i--) {
      Row r = rows.get(i);
      out.add(new DriftTrendSvg.Point(r.getString(0), d(r, 2), d(r, 3), d(r, 4)));
    }
    return out;
  }

  /** The chart's HTML, or null when there is nothing to draw. */
  public static String html(RunContext ctx) {
    List<DriftTrendSvg.Point> points = load(ctx, ctx.settings().getInt("drift.trend_runs", 2, 100));
    if (points.isEmpty()) {
      return null;
    }
    return "<section class=\"pi-drift\">" + DriftTrendSvg.render(points, DriftPolicy.fromSettings(ctx.settings()),
        EmbeddingDriftPolicy.fromSettings(ctx.settings())) + "</section>";
  }

  private static double d(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }
}
