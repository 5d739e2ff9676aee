package org.patientinsight.serving.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, throw-away PostgreSQL server for tests: {@code initdb} into a temporary directory,
 * {@code pg_ctl start} on 127.0.0.1 and a free port with password (SCRAM) authentication,
 * {@code pg_ctl stop} on close. PostgreSQL refuses to run as root, so under root (CI) the
 * server runs as the {@code postgres} OS user through {@code runuser}. Binaries: Debian's
 * {@code postgresql} package (/usr/lib/postgresql/N/bin), or env PI_PG_BIN.
 */
public final class LocalPostgres implements AutoCloseable {
  public static final String USER = "pi_test";

  private final Path dir;
  private final Path bin;
  private final List<String> asUser;
  private final int port;
  private final String password = "pw-" + UUID.randomUUID();
  private final Thread stopOnExit = new Thread(this::stop, "local-postgres-stop");

  private LocalPostgres(Path dir, Path bin, List<String> asUser, int port) {
    this.dir = dir;
    this.bin = bin;
    this.asUser = asUser;
    this.port = port;
  }

  public static LocalPostgres start() {
    try {
      Path bin = binaries();
      Path dir = Files.createTempDirectory("pi-postgres");
      List<String> asUser = List.of();
      if (isRoot()) {
        UserPrincipal pg = dir.getFileSystem().getUserPrincipalLookupService()
            .lookupPrincipalByName("postgres");
        Files.setOwner(dir, pg);
        asUser = List.of("runuser", "-u", "postgres", "--");
      }
      LocalPostgres p = new LocalPostgres(dir, bin, asUser, freePort());
      p.init();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a local PostgreSQL", e);
    }
  }

  private void init() throws IOException {
    Path pw = dir.resolve("pwfile");
    Files.writeString(pw, password + "\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
    if (!asUser.isEmpty()) {
      Files.setOwner(pw, Files.getOwner(dir));
    }
    run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
        "-U", USER, "--pwfile=" + pw, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C",
        "--no-sync"));
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
        "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
            + "-c max_connections=60", "start"));
  }

  /** A new, empty database on this server; returns its JDBC URL. */
  public String createDatabase() {
    String name = "t" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return jdbcUrl(name);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException e) {
      // already shutting down
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  private void stop() {
    if (Files.exists(dir.resolve("data/postmaster.pid"))) {
      try {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
            "-m", "fast", "-w", "stop"));
      } catch (RuntimeException e) {
        // best effort at exit
      }
    }
  }

  private void run(List<String> command) {
    List<String> cmd = new ArrayList<>(asUser);
    cmd.addAll(command);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(dir.resolve("commands.log").toFile().exists()
              ? ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())
              : ProcessBuilder.Redirect.to(dir.resolve("commands.log").toFile()))
          .start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        String log = Files.readString(dir.resolve("commands.log"));
        Path server = dir.resolve("server.log");
        if (Files.exists(server)) {
          log += "\n" + Files.readString(server);
        }
        throw new IllegalStateException(command.get(0) + " failed:\n" + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path binaries() throws IOException {
    String configured = System.getenv("PI_PG_BIN");
    if (configured != null) {
      return Path.of(configured);
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Path best = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
            .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
            .orElse(null);
        if (best != null) {
          return best.resolve("bin");
        }
      }
    }
    throw new IllegalStateException("PostgreSQL server binaries not found (apt-get install "
        + "postgresql, or set PI_PG_BIN to the directory holding initdb and pg_ctl)");
  }

  private static boolean isRoot() throws IOException {
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
