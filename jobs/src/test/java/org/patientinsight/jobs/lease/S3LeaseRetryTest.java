package org.patientinsight.jobs.lease;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.config.WarehouseLayout;
import org.patientinsight.jobs.testing.LocalS3;

/**
 * A conditional PUT that S3 stored but whose answer never reached us: the SDK retries it and
 * the retry is refused with 412. That create is still ours. Between the client and a real
 * S3-compatible server sits a TCP relay that drops the connection instead of passing on the
 * first PUT's success answer (the CI failure of S3LeaseTest: both racers lost).
 */
class S3LeaseRetryTest {
  private static LocalS3 s3;
  private static AnswerDroppingRelay relay;

  @BeforeAll
  static void start() throws Exception {
    s3 = new LocalS3();
    s3.createBucket("lake");
    URI server = URI.create(s3.endpoint());
    relay = new AnswerDroppingRelay(server.getHost(), server.getPort());
  }

  @AfterAll
  static void stop() throws IOException {
    relay.close();
    s3.close();
  }

  private static Configuration throughRelay() {
    Configuration c = new Configuration(false);
    s3.sparkConf(LocalS3.SECRET_KEY).forEach((k, v) -> c.set(k.substring("spark.hadoop.".length()), v));
    c.set("fs.s3a.endpoint", "http://127.0.0.1:" + relay.port());
    return c;
  }

  @Test
  void aRetriedCreateRefusedBecauseItsFirstAttemptWasStoredIsAWin() throws Exception {
    LeaseStore store = LeaseStores.open(WarehouseLayout.of("s3a://lake/retry/wh"), throughRelay());
    byte[] mine = "{\"generation\":1,\"token\":\"ours\"}".getBytes(StandardCharsets.UTF_8);
    relay.dropNextPutAnswer();
    assertTrue(store.create(1, mine), "stored by the first attempt, refused on the retry: ours");
    assertEquals(1, relay.dropped(), "the relay really dropped one success answer");
    assertArrayEquals(mine, store.read(1).orElseThrow());

    byte[] theirs = "{\"generation\":1,\"token\":\"theirs\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(store.create(1, theirs), "someone else's content at the key is still a loss");
    assertArrayEquals(mine, store.read(1).orElseThrow());
  }

  /**
   * Relays bytes both ways; when armed, the next connection that carries a PUT gets its
   * server's 200 answer swallowed and the connection closed, as a lost network answer would.
   */
  private static final class AnswerDroppingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final String host;
    private final int serverPort;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();

    AnswerDroppingRelay(String host, int serverPort) throws IOException {
      this.host = host;
      this.serverPort = serverPort;
      this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread accept = new Thread(this::acceptLoop, "answer-dropping-relay");
      accept.setDaemon(true);
      accept.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    void dropNextPutAnswer() {
      armed.set(true);
    }

    int dropped() {
      return dropped.get();
    }

    private void acceptLoop() {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          Socket server = new Socket(host, serverPort);
          AtomicBoolean carriesArmedPut = new AtomicBoolean();
          pump(client, server, carriesArmedPut, true);
          pump(server, client, carriesArmedPut, false);
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void pump(Socket from, Socket to, AtomicBoolean carriesArmedPut, boolean towardServer) {
      Thread t = new Thread(() -> {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          int n;
          while ((n = in.read(buf)) >= 0) {
            String head = new String(buf, 0, Math.min(n, 64), StandardCharsets.ISO_8859_1);
            if (towardServer && head.startsWith("PUT ") && armed.compareAndSet(true, false)) {
              carriesArmedPut.set(true);
            }
            if (!towardServer && carriesArmedPut.get()
                && new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains("HTTP/1.1 200")) {
              dropped.incrementAndGet();
              carriesArmedPut.set(false);
              from.close();
              to.close();
              return;
            }
            out.write(buf, 0, n);
            out.flush();
          }
        } catch (IOException closed) {
          // either side went away: the other pump ends too
        } finally {
          closeQuietly(from);
          closeQuietly(to);
        }
      }, "relay-pump");
      t.setDaemon(true);
      t.start();
    }

    private static void closeQuietly(Socket s) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already closed
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
