package org.patientinsight.serving.generate;

/** The language model could not produce text; {@link Kind} says why. */
public final class GenerationException extends RuntimeException {

  /** Why generation failed. */
  public enum Kind {
    TIMEOUT("generator_timeout"),
    THROTTLED("generator_throttled"),
    UPSTREAM_ERROR("generator_upstream_error"),
    BAD_RESPONSE("generator_bad_response"),
    NOT_CONFIGURED("generator_not_configured");

    public final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  private final Kind kind;

  public GenerationException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public GenerationException(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }
}
