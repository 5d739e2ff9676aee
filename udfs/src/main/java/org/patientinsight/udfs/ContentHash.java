package org.patientinsight.udfs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a sequence of fields, each framed so that no two different sequences hash the
 * same input: a null is one marker byte, a string is another marker, its UTF-8 length, then its
 * bytes. Hence ("ab","c") differs from ("a","bc") and null differs from "".
 */
public final class ContentHash {

  private static final byte NULL_MARK = 0;
  private static final byte VALUE_MARK = 1;

  private ContentHash() {
  }

  public static String sha256(String... parts) {
    MessageDigest digest = newDigest();
    byte[] count = intBytes(parts == null ? -1 : parts.length);
    digest.update(count);
    if (parts != null) {
      for (String part : parts) {
        if (part == null) {
          digest.update(NULL_MARK);
        } else {
          byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
          digest.update(VALUE_MARK);
          digest.update(intBytes(bytes.length));
          digest.update(bytes);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
