package org.patientinsight.serving.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * pgjdbc's data source asking for the password each time the pool opens a connection, so a
 * short-lived credential (an RDS IAM token) is always fresh. HikariCP calls
 * {@link #getConnection()} when it is given a data source and no user of its own.
 */
final class PasswordPerConnectionDataSource extends PGSimpleDataSource {
  private static final long serialVersionUID = 1L;

  private final transient Supplier<String> passwords;
  private final String user;

  PasswordPerConnectionDataSource(String jdbcUrl, String user, Supplier<String> passwords) {
    setURL(jdbcUrl);
    this.user = user;
    this.passwords = passwords;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return super.getConnection(user, passwords.get());
  }
}
