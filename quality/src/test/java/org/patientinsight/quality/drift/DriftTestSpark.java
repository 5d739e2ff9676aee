package org.patientinsight.quality.drift;

import org.apache.spark.sql.SparkSession;
import org.patientinsight.quality.QualityTestSpark;

/** The drift tests share the quality module's one SparkSession (Delta enabled). */
final class DriftTestSpark {
  private DriftTestSpark() {
  }

  static SparkSession get() {
    return QualityTestSpark.get();
  }
}
