package org.patientinsight.serving.generate;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted HTTP server on 127.0.0.1 standing in for a model endpoint: each request gets the
 * next scripted reply (the last one repeats); requests are recorded for assertions.
 */
final class LoopbackHttp implements AutoCloseable {
  record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, 0);
    }
  }

  record Recorded(String method, String path, Map<String, List<String>> headers, String body) {}

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private volatile Reply last;
  private final CountDownLatch closed = new CountDownLatch(1);
  final List<Recorded> requests = new CopyOnWriteArrayList<>();

  LoopbackHttp(Reply... replies) {
    script.addAll(List.of(replies));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().getPath(),
          Map.copyOf(ex.getRequestHeaders()), body));
      Reply r = script.poll();
      if (r == null) {
        r = last;
      } else {
        last = r;
      }
      try {
        // a slow endpoint: holds the reply, but no longer than until the test closes it
        closed.await(r.delayMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      try {
        ex.sendResponseHeaders(r.status(), out.length);
        ex.getResponseBody().write(out);
      } catch (IOException e) {
        // the client gave up (timeout tests); nothing to do
      }
      ex.close();
    });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
