package org.patientinsight.serving.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Drives Debian's chromium through chromedriver with the W3C WebDriver protocol (plain JSON
 * over HTTP), so the page test needs no Selenium. Fails clearly when chromium is missing.
 */
final class WebDriverClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String session;

  WebDriverClient() throws Exception {
    Path chromedriver = Path.of("/usr/bin/chromedriver");
    Path chromium = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(chromedriver) || !Files.isExecutable(chromium)) {
      throw new IllegalStateException("the page test needs Debian's chromium and chromedriver: "
          + "apt-get install -y chromium chromium-driver");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    base = "http://127.0.0.1:" + port;
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      try {
        if (call("GET", "/status", null).path("value").path("ready").asBoolean()) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("chromedriver did not start within 10 s");
      }
      Thread.sleep(100);
    }
    JsonNode s = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", Map.of(
        "browserName", "chrome",
        "goog:chromeOptions", Map.of("binary", chromium.toString(), "args", List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1100,2100"))))));
    session = s.path("value").path("sessionId").asText();
    if (session.isEmpty()) {
      throw new IllegalStateException("chromedriver refused the session: " + s);
    }
  }

  void open(String url) throws Exception {
    call("POST", "/session/" + session + "/url", Map.of("url", url));
  }

  String find(String css) throws Exception {
    JsonNode v = call("POST", "/session/" + session + "/element",
        Map.of("using", "css selector", "value", css)).path("value");
    if (!v.has(ELEMENT)) {
      throw new IllegalStateException("no element " + css + ": " + v);
    }
    return v.get(ELEMENT).asText();
  }

  int count(String css) throws Exception {
    return call("POST", "/session/" + session + "/elements",
        Map.of("using", "css selector", "value", css)).path("value").size();
  }

  void type(String css, String text) throws Exception {
    call("POST", "/session/" + session + "/element/" + find(css) + "/value", Map.of("text", text));
  }

  void click(String css) throws Exception {
    call("POST", "/session/" + session + "/element/" + find(css) + "/click", Map.of());
  }

  String text(String css) throws Exception {
    return call("GET", "/session/" + session + "/element/" + find(css) + "/text", null)
        .path("value").asText();
  }

  byte[] screenshot() throws Exception {
    return Base64.getDecoder().decode(
        call("GET", "/session/" + session + "/screenshot", null).path("value").asText());
  }

  private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    return JSON.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
    } catch (Exception e) {
      // the driver is stopped below anyway
    } finally {
      driver.destroy();
    }
  }
}
