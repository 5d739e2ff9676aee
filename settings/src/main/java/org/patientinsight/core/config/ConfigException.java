package org.patientinsight.core.config;

/**
 * A configuration problem; the message names the key so a user can fix it. It is printed as
 * is, so it is redacted here: a bad value may be a URI with credentials in it.
 */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String message) {
    super(Redaction.text(message));
    this.key = key;
  }

  public String key() {
    return key;
  }
}
