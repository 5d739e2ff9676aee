package org.patientinsight.jobs.tables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a failed run's rollback did to each table it had moved: restored to its version before
 * the run, removed (the run had created it), or left (another writer committed to it since,
 * or the undo itself failed) — a left table is the run's loudest line.
 */
public record Rollback(List<Table> tables) {
  public enum Action { RESTORED, REMOVED, LEFT }

  /**
   * @param before version before this run wrote it (-1: no table)
   * @param found version found at rollback
   * @param ownVersions versions this run committed since {@code before}
   * @param otherVersions versions other writers committed since {@code before}
   * @param reason why the table was left (null unless LEFT)
   */
  public record Table(String path, long before, long found, List<Long> ownVersions, List<Long> otherVersions,
      Action action, String reason) {}

  public List<Table> left() {
    return tables.stream().filter(t -> t.action() == Action.LEFT).toList();
  }

  /** One line naming every table left and why, null when none was. */
  public String leftLine() {
    List<Table> left = left();
    return left.isEmpty() ? null : "rollback left " + left.size() + " table(s) as found: "
        + left.stream().map(t -> t.path() + " (" + t.reason() + ")").collect(Collectors.joining("; "));
  }

  /** The summary's {@code rollback} section: one entry per table the run had moved. */
  public Map<String, Object> section() {
    Map<String, Object> byTable = new LinkedHashMap<>();
    for (Table t : tables) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("action", t.action().name());
      m.put("before", t.before());
      m.put("found", t.found());
      m.put("own_versions", t.ownVersions());
      m.put("other_versions", t.otherVersions());
      if (t.reason() != null) {
        m.put("reason", t.reason());
      }
      byTable.put(t.path(), m);
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("ok", left().isEmpty());
    s.put("tables", byTable);
    return s;
  }
}
