package org.patientinsight.jobs.tables;

/**
 * Locations of the warehouse's Delta tables. Their names, keys, columns and schemas are the
 * case contract's ({@code org.patientinsight.contract}).
 */
public final class Tables {
  private Tables() {}

  public static String path(String warehouse, String table) {
    return stripSlash(warehouse) + "/" + table;
  }

  public static String stripSlash(String uri) {
    String u = uri;
    while (u.length() > 1 && u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
