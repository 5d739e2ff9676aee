package org.patientinsight.serving.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patientinsight.serving.analysis.AnalysisRefusedException;
import org.patientinsight.serving.api.ApiError;
import org.patientinsight.serving.generate.GenerationException;

/** What each domain outcome becomes on the wire. */
class DomainErrorsTest {

  @Test
  void aGeneratorTimeoutIs504AndEveryOtherGenerationFailure502() {
    for (GenerationException.Kind kind : GenerationException.Kind.values()) {
      assertEquals(kind == GenerationException.Kind.TIMEOUT ? 504 : 502,
          DomainErrors.status(kind), kind.name());
    }
    assertEquals(504, DomainErrors.status(GenerationException.Kind.TIMEOUT));
    assertEquals(502, DomainErrors.status(GenerationException.Kind.UPSTREAM_ERROR));
    assertEquals(502, DomainErrors.status(GenerationException.Kind.THROTTLED));
  }

  @Test
  void anInvalidRequestIs400NamingTheField() {
    ApiError e = DomainErrors.of(
        AnalysisRefusedException.invalid("retrievalMode", "bm25 needs the index"));
    assertEquals(400, e.status());
    assertEquals("bad_request", e.code());
    assertEquals("retrievalMode", e.field());
    assertEquals("bm25 needs the index", e.getMessage());
    assertNull(e.retryAfterSeconds());
  }

  @Test
  void aFullQuotaIs429WithRetryAfterAndWhatToDo() {
    ApiError e = DomainErrors.of(AnalysisRefusedException.quotaFull(5));
    assertEquals(429, e.status());
    assertEquals("analysis_quota", e.code());
    assertEquals(3600, e.retryAfterSeconds());
    assertTrue(e.getMessage().startsWith("this key already stores 5 analyses; delete some "
        + "(DELETE /api/v1/analyses/{id})"), e.getMessage());
  }

  @Test
  void anUnknownAnalysisIs404() {
    ApiError e = DomainErrors.unknownAnalysis();
    assertEquals(404, e.status());
    assertEquals("analysis_not_found", e.code());
  }
}
