package org.patientinsight.udfs;

/**
 * A Python-literal field (age list, relevance dict) that cannot be read. The message names
 * what was expected and the character position, never the field's content, so it is safe to log.
 */
public class LiteralSyntaxException extends RuntimeException {
  public LiteralSyntaxException(String message) {
    super(message);
  }
}
