package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingCallerTest {

  @Test
  void backOffIsFullJitterUnderAnExponentialCap() {
    RetryingCaller caller = new RetryingCaller(10, 100, 1_000, d -> {});
    for (int attempt = 1; attempt <= 8; attempt++) {
      long cap = Math.min(1_000, 100L << (attempt - 1));
      long max = 0;
      for (int i = 0; i < 2_000; i++) {
        long b = caller.backoffMillis(attempt);
        assertTrue(b >= 0 && b <= cap, attempt + ": " + b);
        max = Math.max(max, b);
      }
      assertTrue(max > cap * 0.9, "jitter should spread up to the cap: " + max); // not constant
    }
  }

  @Test
  void retriesTransientStatusesAndSleepsBetween() {
    List<java.time.Duration> sleeps = new ArrayList<>();
    RetryingCaller caller = new RetryingCaller(5, 100, 1_000, sleeps::add);
    AtomicInteger calls = new AtomicInteger();
    String result = caller.call("upsert", "batch 1/1", () -> {
      int n = calls.incrementAndGet();
      if (n == 1) {
        throw Status.RESOURCE_EXHAUSTED.asRuntimeException();
      }
      if (n == 2) {
        throw Status.DEADLINE_EXCEEDED.asRuntimeException();
      }
      return "ok";
    });
    assertEquals("ok", result);
    assertEquals(3, calls.get());
    assertEquals(2, sleeps.size());
  }

  @Test
  void permissionDeniedIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    RetryingCaller caller = new RetryingCaller(5, 1, 1, d -> {});
    PineconeStoreException e = assertThrows(PineconeStoreException.class,
        () -> caller.call("query", "topK 5", () -> {
          calls.incrementAndGet();
          throw Status.PERMISSION_DENIED.asRuntimeException();
        }));
    assertEquals(1, calls.get());
    assertEquals("PERMISSION_DENIED", e.status());
    assertTrue(e.getMessage().contains("PINECONE_API_KEY"));
  }
}
