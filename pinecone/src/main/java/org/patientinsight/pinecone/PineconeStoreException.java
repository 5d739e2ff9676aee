package org.patientinsight.pinecone;

/**
 * A Pinecone call that failed for good: either a status that retrying cannot fix (bad request,
 * bad API key, no permission) or a transient one that outlasted every attempt. The message
 * names the operation, the gRPC status and the attempts; it never carries vectors or metadata.
 */
public final class PineconeStoreException extends RuntimeException {
  private final String operation;
  private final String status;
  private final int attempts;
  private final boolean retryable;

  PineconeStoreException(String message, String operation, String status, int attempts,
      boolean retryable, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.status = status;
    this.attempts = attempts;
    this.retryable = retryable;
  }

  /** upsert, query, delete or describeIndexStats. */
  public String operation() {
    return operation;
  }

  /** The gRPC status code name, e.g. INVALID_ARGUMENT. */
  public String status() {
    return status;
  }

  /** How many times the call was sent. */
  public int attempts() {
    return attempts;
  }

  /** Whether the status was a transient one (then all attempts were used up). */
  public boolean retryable() {
    return retryable;
  }
}
