package org.patientinsight.jobs.sql;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Runs one SQL statement and prints its result in the chosen format. */
public final class SqlRunner {
  private final SparkSession spark;
  private final ResultTable.Format format;
  private final int maxRows;
  private final int maxCellChars;

  public SqlRunner(SparkSession spark, ResultTable.Format format, int maxRows, int maxCellChars) {
    this.spark = spark;
    this.format = format;
    this.maxRows = maxRows;
    this.maxCellChars = maxCellChars;
  }

  public void run(String statement, PrintStream out) {
    Dataset<Row> df = spark.sql(statement);
    if (df.columns().length == 0) {
      out.println("OK");
      return;
    }
    if (format == ResultTable.Format.JSON) {
      for (String line : df.limit(maxRows).toJSON().collectAsList()) {
        out.println(line);
      }
      return;
    }
    List<Column> asText = new ArrayList<>();
    for (String c : df.columns()) {
      asText.add(functions.col("`" + c.replace("`", "``") + "`").cast("string"));
    }
    List<Row> rows = df.select(asText.toArray(new Column[0])).limit(maxRows + 1).collectAsList();
    boolean more = rows.size() > maxRows;
    List<List<String>> values = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(rows.size(), maxRows))) {
      List<String> v = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        v.add(r.isNullAt(i) ? null : r.getString(i));
      }
      values.add(v);
    }
    out.print(new ResultTable(List.of(df.columns()), values, more).render(format, maxCellChars));
  }
}
