package org.patientinsight.jobs.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import io.delta.tables.DeltaTable;
import org.patientinsight.core.config.Locations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.patientinsight.jobs.run.JobFailure;

/**
 * Writes one Delta table (optionally an older version) as a single CSV or JSON-lines file, for
 * people who do not run Spark. In CSV, map and array columns become JSON text.
 */
public final class TableExporter {
  private final SparkSession spark;

  public TableExporter(SparkSession spark) {
    this.spark = spark;
  }

  /** Returns the number of rows written. */
  public long export(String tablePath, String format, String out, Long version) {
    if (!DeltaTable.isDeltaTable(spark, tablePath)) {
      throw new JobFailure("no table at " + tablePath);
    }
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("csv") && !fmt.equals("jsonl")) {
      throw new JobFailure("--format must be csv or jsonl, got '" + format + "'");
    }
    if (version != null) {
      long latest = DeltaTable.forPath(spark, tablePath).history(1).select("version").head().getLong(0);
      if (version < 0 || version > latest) {
        throw new JobFailure("--version " + version + " does not exist: " + tableName(tablePath)
            + " has versions 0 to " + latest);
      }
    }
    Dataset<Row> df;
    try {
      df = version == null ? spark.read().format("delta").load(tablePath)
          : spark.read().format("delta").option("versionAsOf", version).load(tablePath);
      df.schema();
    } catch (RuntimeException e) {
      throw new JobFailure("cannot read " + tablePath + (version == null ? "" : " at version " + version)
          + ": " + e.getMessage().split("\n")[0], e);
    }
    if (fmt.equals("csv")) {
      df = df.select(flatColumns(df.schema()));
    }
    Path target = new Path(out);
    Path tmp = new Path(out + ".tmp-export");
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(tmp, true);
      Dataset<Row> one = df.coalesce(1);
      if (fmt.equals("csv")) {
        one.write().option("header", "true").option("escape", "\"").csv(tmp.toString());
      } else {
        one.write().json(tmp.toString());
      }
      Path part = null;
      for (FileStatus st : fs.listStatus(tmp)) {
        if (st.getPath().getName().startsWith("part-")) {
          part = st.getPath();
        }
      }
      if (part == null) {
        throw new JobFailure("export produced no file");
      }
      fs.delete(target, false);
      if (!fs.rename(part, target)) {
        throw new JobFailure("cannot move the export to " + out);
      }
      fs.delete(tmp, true);
      return df.count();
    } catch (IOException e) {
      throw new JobFailure("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private static Column[] flatColumns(StructType schema) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      boolean nested = f.dataType() instanceof MapType || f.dataType() instanceof ArrayType
          || f.dataType() instanceof StructType;
      cols.add(nested ? to_json(col(f.name())).as(f.name()) : col(f.name()));
    }
    return cols.toArray(new Column[0]);
  }

  private static String tableName(String tablePath) {
    String p = Locations.withoutTrailingSlashes(tablePath);
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
