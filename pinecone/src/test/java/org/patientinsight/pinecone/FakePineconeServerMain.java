package org.patientinsight.pinecone;

import java.io.IOException;

/**
 * Runs {@link FakePineconeServer} as its own process, for tests in modules that see only the
 * shaded client (jobs): prints "PORT n" once listening on 127.0.0.1 and stops when its standard
 * input closes (the parent test ends or dies). Args: dimension apiKey.
 */
public final class FakePineconeServerMain {
  private FakePineconeServerMain() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    int dimension = Integer.parseInt(args[0]);
    FakePineconeServer server = new FakePineconeServer(dimension, args[1]);
    String host = server.host();
    System.out.println("PORT " + host.substring(host.lastIndexOf(':') + 1));
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to close our stdin
    }
    server.close();
  }
}
