package org.patientinsight.core.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Locations as users give them (a relative path, {@code s3a://bucket/prefix/}) turned into the
 * one spelling that is recorded and compared: URIs as given without trailing slashes, local
 * paths absolute and normalised — so runs tracked from different working directories agree.
 */
public final class Locations {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

  private Locations() {}

  public static boolean hasScheme(String location) {
    return SCHEME.matcher(location).matches();
  }

  /** {@code ./warehouse} → {@code /home/me/warehouse}; {@code s3a://b/p/} → {@code s3a://b/p}. */
  public static String absolute(String location) {
    String s = location.strip();
    if (hasScheme(s)) {
      if (s.startsWith("file:")) {
        return Path.of(java.net.URI.create(s)).toAbsolutePath().normalize().toString();
      }
      return withoutTrailingSlashes(s);
    }
    return Path.of(s.isEmpty() ? "." : s).toAbsolutePath().normalize().toString();
  }

  /**
   * The one trailing-slash trimmer: {@code s3a://b/p//} → {@code s3a://b/p}, {@code http://h/}
   * → {@code http://h}. A root keeps its slash ({@code /}, {@code s3a://}, {@code file:/}), so a
   * child joined with "/" is never absolute by accident.
   */
  public static String withoutTrailingSlashes(String location) {
    String s = location;
    while (s.length() > 1 && s.endsWith("/") && !s.endsWith("://") && !s.endsWith(":/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
