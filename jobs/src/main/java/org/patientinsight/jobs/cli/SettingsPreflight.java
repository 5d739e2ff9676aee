package org.patientinsight.jobs.cli;

import org.patientinsight.core.config.ConfigException;
import org.patientinsight.core.config.Settings;
import org.patientinsight.quality.QualityThresholds;
import org.patientinsight.quality.drift.DriftPolicy;

/**
 * The rules between keys that a single key's type cannot state (psi_warn below psi_alert, a
 * whole number of drift bins per year, …), checked by building the typed settings each stage
 * will use — before Spark starts, so a bad value costs a second, not a Spark run.
 */
final class SettingsPreflight {
  private SettingsPreflight() {}

  /** Throws {@link ConfigException} naming the key when the settings cannot run a job. */
  static void check(Settings s) {
    QualityThresholds.from(s);
    DriftPolicy.fromSettings(s);
    DriftPolicy.binsFromSettings(s);
    if (s.getChoice("lineage.transport", "file", "http", "none").equals("http")
        && s.getOptional("lineage.http.url") == null) {
      throw new ConfigException("lineage.http.url", "lineage.transport=http needs 'lineage.http.url' "
          + "(an OpenLineage endpoint, e.g. http://marquez:5000)");
    }
  }
}
