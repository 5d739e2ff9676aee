package org.patientinsight.jobs.run;

/** The project's version and the commit it was built from (set by the launcher or the image). */
public final class ProjectVersion {
  private ProjectVersion() {}

  public static String version() {
    String v = ProjectVersion.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT";
  }

  public static String gitCommit() {
    String c = System.getenv("PI_GIT_COMMIT");
    return c == null || c.isBlank() ? "unknown" : c;
  }
}
