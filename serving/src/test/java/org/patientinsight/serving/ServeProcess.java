package org.patientinsight.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code patient-insight serve} as its own JVM (the real entry point, ServeMain), on a free
 * port, with the given environment and arguments; waits for /health/ready and kills the
 * process on close.
 */
public final class ServeProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  public final int port;

  private ServeProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** A warehouse whose vector_index is the test index (a symlink, nothing copied). */
  public static Path warehouseWithTestIndex() {
    try {
      Path w = Files.createTempDirectory("warehouse");
      Files.createSymbolicLink(w.resolve("vector_index"), TestIndex.dir());
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts and waits for /health/ready. @param args after ServeMain; "--port" is added */
  public static ServeProcess start(Map<String, String> env, List<String> args) {
    ServeProcess p = launch(env, args);
    p.awaitReady();
    return p;
  }

  /** Starts without waiting (start several, then {@link #awaitReady()} each). */
  public static ServeProcess launch(Map<String, String> env, List<String> args) {
    try {
      int port = freePort();
      Path log = Files.createTempFile("serve", ".log");
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
          "-cp", classPath(), ServeMain.class.getName()));
      cmd.addAll(args);
      cmd.addAll(List.of("--port", Integer.toString(port)));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("PI_") || k.startsWith("PATIENT_INSIGHT_"));
      pb.environment().putAll(env);
      return new ServeProcess(pb.start(), log, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class path this test JVM runs on (Surefire's, which names the real jars). */
  public static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null ? cp : System.getProperty("java.class.path");
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public void awaitReady() {
    awaitReady(Duration.ofSeconds(120));
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("serve exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/health/ready"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(200); // polling a child process, not timing the code under test
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("serve not ready in " + timeout + ":\n" + log());
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Waits for the process to end by itself; returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("serve still running after " + timeout + ":\n" + log());
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
