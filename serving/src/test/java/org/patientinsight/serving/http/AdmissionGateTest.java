package org.patientinsight.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.api.ApiError;

class AdmissionGateTest {
  @Test
  void beyondInFlightAndQueueRequestsAreRefusedAt503WithRetryAfter() throws Exception {
    AdmissionGate gate = new AdmissionGate(1, 1, 60_000);
    gate.enter(); // the one running
    CountDownLatch queued = new CountDownLatch(1);
    Thread waiter = new Thread(() -> {
      queued.countDown();
      gate.enter(); // waits in the queue until the running one leaves
      gate.leave();
    });
    waiter.start();
    queued.await();
    while (gate.waiting() == 0) {
      Thread.onSpinWait(); // until the waiter is really queued
    }
    ApiError full = assertThrows(ApiError.class, gate::enter, "queue full: refused at once");
    assertEquals(503, full.status());
    assertEquals(1, full.retryAfterSeconds());
    gate.leave();
    waiter.join(TimeUnit.SECONDS.toMillis(10));
    assertEquals(0, gate.waiting());
    gate.enter(); // free again
    gate.leave();
  }

  @Test
  void aQueuedRequestGivesUpAfterTheWait() {
    AdmissionGate gate = new AdmissionGate(1, 5, 0);
    gate.enter();
    assertEquals(503, assertThrows(ApiError.class, gate::enter).status());
    assertEquals(0, gate.waiting());
  }
}
