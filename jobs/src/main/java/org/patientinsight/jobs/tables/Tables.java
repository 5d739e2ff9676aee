package org.patientinsight.jobs.tables;

import org.patientinsight.core.config.WarehouseLayout;

/**
 * Locations of the warehouse's Delta tables. Their names, keys, columns and schemas are the
 * case contract's ({@code org.patientinsight.contract}).
 */
public final class Tables {
  private Tables() {}

  /** {@code <warehouse>/<table>}, as the warehouse layout places it. */
  public static String path(String warehouse, String table) {
    return WarehouseLayout.of(warehouse).table(table);
  }
}
