package org.patientinsight.core.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server on 127.0.0.1 for tests: speaks enough of RFC 5321 (EHLO, AUTH PLAIN,
 * MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) for a real client to deliver a
 * message, and records what arrived. It never offers STARTTLS.
 */
final class FakeSmtpServer implements AutoCloseable {

  record Received(String mailFrom, List<String> rcptTo, String data, String authPlain) {
  }

  private final ServerSocket server;
  private final Thread thread;
  final List<Received> messages = new CopyOnWriteArrayList<>();

  FakeSmtpServer() throws IOException {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "fake-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.setSoTimeout(10_000);
        converse(s);
      } catch (IOException e) {
        // closed or client vanished: accept the next one
      }
    }
  }

  private void converse(Socket s) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = s.getOutputStream();
    reply(out, "220 localhost fake ESMTP");
    String from = null;
    String auth = null;
    List<String> rcpt = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String upper = line.toUpperCase();
      if (upper.startsWith("EHLO")) {
        reply(out, "250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME");
      } else if (upper.startsWith("HELO")) {
        reply(out, "250 localhost");
      } else if (upper.startsWith("AUTH PLAIN")) {
        String rest = line.substring("AUTH PLAIN".length()).trim();
        if (rest.isEmpty()) {
          reply(out, "334 ");
          rest = in.readLine();
        }
        auth = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
        reply(out, "235 2.7.0 Authentication successful");
      } else if (upper.startsWith("MAIL FROM:")) {
        from = line.substring(10).trim();
        rcpt.clear();
        reply(out, "250 OK");
      } else if (upper.startsWith("RCPT TO:")) {
        rcpt.add(line.substring(8).trim());
        reply(out, "250 OK");
      } else if (upper.equals("DATA")) {
        reply(out, "354 End data with <CR><LF>.<CR><LF>");
        StringBuilder data = new StringBuilder();
        String d;
        while ((d = in.readLine()) != null && !d.equals(".")) {
          data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
        }
        messages.add(new Received(from, List.copyOf(rcpt), data.toString(), auth));
        reply(out, "250 OK queued");
      } else if (upper.equals("RSET") || upper.equals("NOOP")) {
        reply(out, "250 OK");
      } else if (upper.equals("QUIT")) {
        reply(out, "221 Bye");
        return;
      } else {
        reply(out, "502 Command not implemented");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
