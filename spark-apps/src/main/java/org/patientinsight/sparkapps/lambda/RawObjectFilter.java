package org.patientinsight.sparkapps.lambda;

import java.util.List;

/** Which S3 notifications start a run: object-created events for keys under the prefix with a raw-data suffix. */
public final class RawObjectFilter {
  private final String prefix;
  private final List<String> suffixes;

  public RawObjectFilter(String prefix, List<String> suffixes) {
    this.prefix = prefix;
    this.suffixes = List.copyOf(suffixes);
  }

  /** @param decodedKey the object key after URL decoding */
  public boolean accepts(String eventName, String decodedKey) {
    if (eventName == null || !eventName.startsWith("ObjectCreated:")) {
      return false;
    }
    if (decodedKey == null || !decodedKey.startsWith(prefix) || decodedKey.endsWith("/")) {
      return false;
    }
    return suffixes.stream().anyMatch(decodedKey::endsWith);
  }
}
