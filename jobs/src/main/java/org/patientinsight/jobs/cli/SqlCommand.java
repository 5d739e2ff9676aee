package org.patientinsight.jobs.cli;

import org.patientinsight.core.config.WarehouseLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Locations;
import org.patientinsight.core.config.Settings;
import org.patientinsight.jobs.spark.SparkSessions;
import org.patientinsight.jobs.sql.ResultTable;
import org.patientinsight.jobs.sql.SqlRunner;
import org.patientinsight.jobs.sql.SqlStatements;
import org.patientinsight.jobs.sql.WarehouseTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Spark SQL over the warehouse, every table registered by name. One statement as an argument,
 * a file of statements with {@code -f}, or a shell reading statements (ended by ';') from the
 * terminal or a pipe. Reads only: it writes no run summary and makes no MLflow run.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Spark SQL over the warehouse's tables, by name (cases, quarantine, embeddings, "
        + "quality_runs, drift_reports, …); time travel with 'FROM cases VERSION AS OF 2'.",
        "  sql \"SELECT count(*) FROM cases\"      one statement",
        "  sql -f report.sql --format csv        a file of statements",
        "  sql                                    a shell (statements end with ';', 'quit' leaves)"})
final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "STATEMENT", description = "SQL to run (';'-separated statements allowed).")
  String statement;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements in this file.")
  Path file;

  @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
      description = "Output: an aligned table (default), CSV, or JSON lines.")
  String format;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000", description = "Most rows printed per statement (default ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(names = "--max-cell-chars", paramLabel = "N", defaultValue = "60",
      description = "Table format: longer cells are cut and end with '…' (default ${DEFAULT-VALUE}).")
  int maxCellChars;

  @Option(names = "--warehouse", paramLabel = "URI", description = "The warehouse (default: ./warehouse, or the config's).")
  String warehouse;

  @Option(names = "--config", paramLabel = "FILE", description = "A settings file.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting. Repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
      description = "A Spark or Hadoop setting, as spark-submit --conf. Repeatable.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException {
    ResultTable.Format fmt;
    String where;
    String script = null;
    try {
      fmt = ResultTable.Format.parse(format);
      if (maxRows < 1 || maxCellChars < 4) {
        throw new IllegalArgumentException("--max-rows must be >= 1 and --max-cell-chars >= 4");
      }
      Map<String, String> overrides = new LinkedHashMap<>(settings);
      if (warehouse != null) {
        overrides.put("warehouse", warehouse);
      }
      where = Locations.absolute(Settings.load(config, System.getenv(), overrides).get("warehouse"));
      if (file != null) {
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException("no such file: " + file);
        }
        script = Files.readString(file, StandardCharsets.UTF_8);
      } else if (statement != null) {
        script = statement;
      }
      if (!Locations.hasScheme(where) && !Files.isDirectory(Path.of(where))) {
        throw new IllegalArgumentException("no warehouse at " + where
            + " (run 'patient-insight pipeline' to make one, or give --warehouse)");
      }
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    SparkSession spark = SparkSessions.getOrCreate("patient-insight sql", sparkConf);
    List<String> tables = WarehouseTables.register(spark, WarehouseLayout.of(where));
    SqlRunner runner = new SqlRunner(spark, fmt, maxRows, maxCellChars);
    if (script != null) {
      for (String s : SqlStatements.split(script)) {
        if (!runOne(runner, s)) {
          return 1;
        }
      }
      return 0;
    }
    return shell(runner, where, tables);
  }

  /** Runs one statement; a SQL error prints one line and returns false. */
  private static boolean runOne(SqlRunner runner, String s) {
    try {
      runner.run(s, System.out);
      return true;
    } catch (Exception e) { // Spark's AnalysisException is a checked exception from Scala
      System.err.println("error: " + Errors.oneLine(e));
      return false;
    }
  }

  private static int shell(SqlRunner runner, String where, List<String> tables) throws IOException {
    boolean terminal = System.console() != null;
    if (terminal) {
      System.out.println("warehouse " + where + "; tables: " + (tables.isEmpty() ? "(none)" : String.join(", ", tables)));
      System.out.println("statements end with ';'. 'quit' leaves.");
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder pending = new StringBuilder();
    int failures = 0;
    while (true) {
      if (terminal) {
        System.out.print(pending.length() == 0 ? "sql> " : "   > ");
        System.out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        break;
      }
      if (pending.length() == 0 && List.of("quit", "exit", "quit;", "exit;").contains(line.strip().toLowerCase())) {
        break;
      }
      pending.append(line).append('\n');
      if (!SqlStatements.isIncomplete(pending.toString())) {
        for (String s : SqlStatements.split(pending.toString())) {
          failures += runOne(runner, s) ? 0 : 1;
        }
        pending.setLength(0);
      }
    }
    for (String s : SqlStatements.split(pending.toString())) {
      failures += runOne(runner, s) ? 0 : 1;
    }
    return failures == 0 || terminal ? 0 : 1;
  }
}
