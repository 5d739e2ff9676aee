package org.patientinsight.serving.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.patientinsight.serving.api.ApiError;

/** Reads a request body up to a limit; a bigger body is a 400 naming "body", never buffered whole. */
final class BodyReader {
  private final int maxBytes;

  BodyReader(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  byte[] read(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooBig();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] data = in.readNBytes(maxBytes + 1);
      if (data.length > maxBytes) {
        throw tooBig();
      }
      return data;
    } catch (IOException e) {
      throw ApiError.badField("body", "request body could not be read");
    }
  }

  private ApiError tooBig() {
    return ApiError.badField("body", "request body is larger than " + maxBytes + " bytes");
  }
}
