package org.patientinsight.jobs.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons that are outside quotes ('…', "…", `…`) and
 * comments ({@code --} to end of line, {@code /* … *}{@code /}), as a SQL shell does. Blank
 * statements are dropped; comments are kept inside the statement they belong to.
 */
public final class SqlStatements {
  private SqlStatements() {}

  public static List<String> split(String text) {
    return scan(text).statements;
  }

  /** True when the text ends inside a statement (no closing semicolon yet): a shell reads on. */
  public static boolean isIncomplete(String text) {
    Scan s = scan(text);
    return s.openTail;
  }

  private record Scan(List<String> statements, boolean openTail) {}

  private static Scan scan(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (lineComment) {
        lineComment = c != '\n';
      } else if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          current.append(c);
          c = next;
          i++;
        }
      } else if (quote != 0) {
        if (c == '\\' && quote != '`' && next != 0) {
          current.append(c);
          c = next;
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '-' && next == '-') {
        lineComment = true;
      } else if (c == '/' && next == '*') {
        blockComment = true;
      } else if (c == ';') {
        add(out, current);
        continue;
      }
      current.append(c);
    }
    boolean open = quote != 0 || blockComment || isStatement(current.toString().strip());
    add(out, current);
    return new Scan(out, open);
  }

  private static boolean isStatement(String s) {
    return !s.isEmpty() && !onlyComments(s);
  }

  private static void add(List<String> out, StringBuilder current) {
    String s = current.toString().strip();
    if (isStatement(s)) {
      out.add(s);
    }
    current.setLength(0);
  }

  private static boolean onlyComments(String s) {
    String withoutBlocks = s.replaceAll("(?s)/\\*.*?\\*/", "");
    return withoutBlocks.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("--"));
  }
}
