package org.patientinsight.jobs.sql;

import org.patientinsight.core.config.WarehouseLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse's Delta tables, found as the folders directly under it that hold a
 * {@code _delta_log}, registered in the session catalog by their folder names — so SQL says
 * {@code cases}, and {@code cases VERSION AS OF 3} time-travels (a temporary view could not).
 */
public final class WarehouseTables {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private WarehouseTables() {}

  /** The table names under the warehouse, sorted; empty when it holds none. */
  public static List<String> find(SparkSession spark, WarehouseLayout warehouse) throws IOException {
    Path root = new Path(warehouse.root());
    FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    List<String> names = new ArrayList<>();
    if (!fs.exists(root)) {
      return names;
    }
    for (FileStatus child : fs.listStatus(root)) {
      String name = child.getPath().getName();
      if (child.isDirectory() && NAME.matcher(name).matches() && fs.exists(new Path(child.getPath(), "_delta_log"))) {
        names.add(name);
      }
    }
    names.sort(String::compareTo);
    return names;
  }

  /**
   * Registers each table as an external table over its folder (replacing an earlier
   * registration of that name in this session, never its data) and returns the names.
   */
  public static List<String> register(SparkSession spark, WarehouseLayout warehouse) throws IOException {
    List<String> names = find(spark, warehouse);
    for (String name : names) {
      String location = warehouse.table(name).replace("'", "\\'");
      spark.sql("DROP TABLE IF EXISTS `" + name + "`");
      spark.sql("CREATE TABLE `" + name + "` USING delta LOCATION '" + location + "'");
    }
    return names;
  }
}
