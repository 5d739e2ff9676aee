package org.patientinsight.serving.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.patientinsight.serving.api.ApiError;

/**
 * Reads a request body up to a limit and a deadline: a bigger body is a 400 naming "body",
 * never buffered whole; a body still arriving after the deadline is a 408. (Each blocking read
 * is bounded by Jetty's idle timeout and minimum data rate; the deadline bounds the total for
 * a client that trickles a byte at a time.)
 */
final class BodyReader {
  private final int maxBytes;
  private final long timeoutNanos;

  BodyReader(int maxBytes, long timeoutMillis) {
    this.maxBytes = maxBytes;
    this.timeoutNanos = timeoutMillis * 1_000_000L;
  }

  byte[] read(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooBig();
    }
    long deadline = System.nanoTime() + timeoutNanos;
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    byte[] buf = new byte[8192];
    try (InputStream in = ctx.req().getInputStream()) {
      int n;
      while ((n = in.read(buf)) != -1) {
        out.write(buf, 0, n);
        if (out.size() > maxBytes) {
          throw tooBig();
        }
        if (System.nanoTime() - deadline > 0) {
          throw slow();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      // Jetty reports an idle or too-slow body as an IOException (often a TimeoutException cause)
      throw slow();
    }
  }

  private static ApiError slow() {
    return new ApiError(408, "request_timeout", "body", "the request body did not arrive in time");
  }

  private ApiError tooBig() {
    return ApiError.badField("body", "request body is larger than " + maxBytes + " bytes");
  }
}
