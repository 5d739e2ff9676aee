package org.patientinsight.jobs.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query result as it is printed: an aligned text table (long cells cut, with the cut shown),
 * or CSV (RFC 4180 quoting, nothing cut). (JSON lines come from Spark itself, typed.) Values arrive already turned into strings
 * (null stays null), so this class knows nothing of Spark.
 */
public final class ResultTable {
  /** The output formats. */
  public enum Format { TABLE, CSV, JSON;
    public static Format parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--format must be table, csv or json, got '" + s + "'");
      }
    }
  }

  private final List<String> columns;
  private final List<List<String>> rows;
  private final boolean truncated;

  /** @param truncated more rows exist than are given (the table says so) */
  public ResultTable(List<String> columns, List<List<String>> rows, boolean truncated) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
    this.truncated = truncated;
  }

  public String render(Format format, int maxCellChars) {
    switch (format) {
      case CSV: return csv();
      case TABLE: return text(maxCellChars);
      default: throw new IllegalArgumentException("JSON lines are written from the Dataset, not a ResultTable");
    }
  }

  private String text(int maxCellChars) {
    int[] width = new int[columns.size()];
    List<List<String>> cells = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      width[c] = columns.get(c).length();
    }
    for (List<String> row : rows) {
      List<String> shown = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        String v = cut(row.get(c) == null ? "NULL" : oneLine(row.get(c)), maxCellChars);
        width[c] = Math.max(width[c], v.length());
        shown.add(v);
      }
      cells.add(shown);
    }
    StringBuilder sb = new StringBuilder();
    line(sb, columns, width);
    for (int c = 0; c < width.length; c++) {
      sb.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
    }
    sb.append('\n');
    for (List<String> row : cells) {
      line(sb, row, width);
    }
    sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row" : " rows")
        .append(truncated ? ", more not shown: raise --max-rows" : "").append(")\n");
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> values, int[] width) {
    for (int c = 0; c < width.length; c++) {
      String v = values.get(c);
      sb.append(c == 0 ? "" : " | ").append(v).append(" ".repeat(width[c] - v.length()));
    }
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }

  private String csv() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", columns.stream().map(ResultTable::csvCell).toList())).append("\r\n");
    for (List<String> row : rows) {
      sb.append(String.join(",", row.stream().map(v -> v == null ? "" : csvCell(v)).toList())).append("\r\n");
    }
    return sb.toString();
  }

  private static String csvCell(String v) {
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  private static String oneLine(String v) {
    return v.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
  }

  private static String cut(String v, int max) {
    return v.length() <= max ? v : v.substring(0, Math.max(1, max - 1)) + "…";
  }
}
