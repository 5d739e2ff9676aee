package org.patientinsight.serving.analysis;

import java.util.Map;
import org.patientinsight.core.config.ConfigException;
import org.patientinsight.serving.config.ServingConfig;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Opens the analyses store {@code serving.analyses.store} names: file (embedded) or postgres,
 * the latter with a password from the environment or RDS IAM tokens
 * ({@code serving.analyses.auth}).
 */
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
            + "database user in " + DB_USER_ENV + " (and, unless serving.analyses.auth=rds_iam, "
            + "the password in " + DB_PASSWORD_ENV + ")");
      }
      if (cfg.analysesAuth().equals("rds_iam")) {
        // tokens from the pod's AWS credentials (IRSA); no password is stored anywhere
        return PostgresAnalysisRepository.open(cfg.analysesJdbcUrl(), user,
            RdsIamPasswords.forUrl(cfg.analysesJdbcUrl(), cfg.analysesRdsRegion(), user,
                DefaultCredentialsProvider.builder().build()), cfg.analysesPoolSize());
      }
      String password = env.get(DB_PASSWORD_ENV);
      return PostgresAnalysisRepository.open(cfg.analysesJdbcUrl(), user, () -> password,
          cfg.analysesPoolSize());
    }
    return new FileAnalysisRepository(cfg.analysesDir());
  }

}
