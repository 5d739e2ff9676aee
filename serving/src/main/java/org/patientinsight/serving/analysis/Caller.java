package org.patientinsight.serving.analysis;

/**
 * Who is asking: the API key's id (a prefix of its SHA-256, never the key) and whether it is
 * in the admin set, which may read every analysis.
 */
public record Caller(String keyId, boolean admin) {
  /** --insecure-dev: no keys, one developer who sees everything. */
  public static final Caller INSECURE_DEV = new Caller("insecure-dev", true);

  /** Owners see their analyses; admins see all; others get "not found" (no existence oracle). */
  public boolean canRead(StoredAnalysis a) {
    return admin || keyId.equals(a.owner());
  }

  /** Only the owner extends or deletes (an admin key reads for audits, it does not change). */
  public boolean owns(StoredAnalysis a) {
    return keyId.equals(a.owner());
  }
}
