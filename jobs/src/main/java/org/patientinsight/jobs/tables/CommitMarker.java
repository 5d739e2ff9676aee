package org.patientinsight.jobs.tables;

import org.apache.spark.sql.SparkSession;

/**
 * Tags every Delta commit of a run with the run's id (Delta's commitInfo {@code userMetadata},
 * set on the session, so MERGEs, appends, restores and the quality module's writes all carry
 * it): the table's history then says which versions a run made, and its rollback undoes only
 * those. One session runs one batch command at a time (the CLI has one per JVM).
 */
public final class CommitMarker {
  public static final String CONF = "spark.databricks.delta.commitInfo.userMetadata";

  private CommitMarker() {}

  /** The userMetadata of a run's commits. */
  public static String of(String runId) {
    return "patient-insight run " + runId;
  }

  /** From now on this session's commits are the run's. */
  public static String tagSession(SparkSession spark, String runId) {
    String marker = of(runId);
    spark.conf().set(CONF, marker);
    return marker;
  }
}
