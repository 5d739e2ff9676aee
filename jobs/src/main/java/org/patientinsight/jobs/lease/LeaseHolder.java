package org.patientinsight.jobs.lease;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Instant;
import java.util.UUID;

/**
 * Who holds (or wants) the warehouse lease: the run, where it runs, since when. The token tells
 * two attempts with the same run id apart (an operator retry re-uses the id on another pod).
 */
public record LeaseHolder(String runId, String host, long pid, Instant startedAt, String token) {

  /** This process, running {@code runId} since {@code startedAt}. */
  public static LeaseHolder thisProcess(String runId, Instant startedAt) {
    return new LeaseHolder(runId, hostName(), ProcessHandle.current().pid(), startedAt, UUID.randomUUID().toString());
  }

  /** The same holder? (By token: run ids repeat across retries.) */
  public boolean sameAs(LeaseHolder other) {
    return other != null && token.equals(other.token);
  }

  /** "run X (host h, pid 1, started …)", as the waiting and BUSY lines name the holder. */
  public String describe() {
    return "run " + runId + " (host " + host + ", pid " + pid + ", started " + startedAt + ")";
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      // the JVM name is "pid@host" on HotSpot
      String jvm = ManagementFactory.getRuntimeMXBean().getName();
      return jvm.contains("@") ? jvm.substring(jvm.indexOf('@') + 1) : "unknown";
    }
  }
}
