package org.patientinsight.jobs.run;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** New run ids: sortable by time, safe in file names and Kubernetes names ("20261127-214501-3fa2"). */
public final class RunIds {
  private static final DateTimeFormatter FMT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String newId() {
    return FMT.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
  }
}
