package org.patientinsight.serving.analysis;

import java.util.Map;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.serving.config.ServingConfig;

/** Opens the analyses store {@code serving.analyses.store} names: file (embedded) or postgres. */
public final class AnalysisStores {
  public static final String DB_USER_ENV = "PATIENT_INSIGHT_DB_USER";
  public static final String DB_PASSWORD_ENV = "PATIENT_INSIGHT_DB_PASSWORD";

  private AnalysisStores() {}

  public static AnalysisRepository open(ServingConfig cfg, Map<String, String> env) {
    if (cfg.analysesStore().equals("postgres")) {
      if (cfg.analysesJdbcUrl() == null || !cfg.analysesJdbcUrl().startsWith("jdbc:postgresql:")) {
        throw new ConfigException("serving.analyses.jdbc_url", "serving.analyses.store=postgres "
            + "needs serving.analyses.jdbc_url = jdbc:postgresql://host:5432/database");
      }
      String user = env.get(DB_USER_ENV);
      if (user == null || user.isBlank()) {
        throw new ConfigException(DB_USER_ENV, "serving.analyses.store=postgres needs the "
            + "database user in " + DB_USER_ENV + " and the password in " + DB_PASSWORD_ENV);
      }
      return PostgresAnalysisRepository.open(cfg.analysesJdbcUrl(), user, env.get(DB_PASSWORD_ENV),
          cfg.analysesPoolSize());
    }
    return new FileAnalysisRepository(cfg.analysesDir());
  }

}
