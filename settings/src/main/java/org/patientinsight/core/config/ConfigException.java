package org.patientinsight.core.config;

/** A configuration problem; the message names the key so a user can fix it. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
