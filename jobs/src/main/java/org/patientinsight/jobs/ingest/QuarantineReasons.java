package org.patientinsight.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.patientinsight.contract.QuarantineTable;
import org.patientinsight.quality.report.ReasonCount;

/** How many quarantined rows carry each reason code, most frequent first (a Spark aggregation). */
final class QuarantineReasons {
  private QuarantineReasons() {}

  static List<ReasonCount> count(Dataset<Row> quarantine) {
    List<ReasonCount> out = new ArrayList<>();
    for (Row r : quarantine.select(explode(col(QuarantineTable.REASONS)).as("r"))
        .groupBy(col("r." + QuarantineTable.REASON_CODE).as("code")).count()
        .orderBy(desc("count"), col("code")).collectAsList()) {
      out.add(new ReasonCount(r.getString(0), r.getLong(1)));
    }
    return out;
  }
}
