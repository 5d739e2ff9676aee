package org.patientinsight.serving.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.patientinsight.serving.retrieval.RetrievalMode;

class RequestParserTest {
  private final RequestParser p = new RequestParser(3, 100, 50);

  private AnalysisRequest parse(String json) {
    return p.analysis(json.getBytes(StandardCharsets.UTF_8));
  }

  private String field(String json) {
    return assertThrows(ApiError.class, () -> parse(json)).field();
  }

  @Test
  void fullRequest() {
    AnalysisRequest r = parse("{\"symptoms\":\" cough \",\"age\":4.5,\"sex\":\"f\",\"topK\":5,"
        + "\"filters\":{\"ageMin\":1,\"ageMax\":10,\"sex\":\"F\"},\"retrievalMode\":\"dense\"}");
    assertEquals("cough", r.current().symptoms());
    assertEquals(4.5, r.current().age());
    assertEquals("F", r.current().sex());
    assertEquals(5, r.topK());
    assertEquals(10.0, r.filter().ageMax());
    assertEquals(RetrievalMode.DENSE, r.mode());
  }

  @Test
  void defaults() {
    AnalysisRequest r = parse("{\"symptoms\":\"cough\"}");
    assertEquals(3, r.topK());
    assertNull(r.mode());
    assertEquals(true, r.filter().isEmpty());
  }

  @Test
  void everyBadFieldIsNamed() {
    assertEquals("age", field("{\"symptoms\":\"c\",\"age\":-1}"));
    assertEquals("age", field("{\"symptoms\":\"c\",\"age\":\"ten\"}"));
    assertEquals("topK", field("{\"symptoms\":\"c\",\"topK\":21}"));
    assertEquals("filters", field("{\"symptoms\":\"c\",\"filters\":[]}"));
    assertEquals("filters.sex", field("{\"symptoms\":\"c\",\"filters\":{\"sex\":\"x\"}}"));
    assertEquals("filters.foo", field("{\"symptoms\":\"c\",\"filters\":{\"foo\":1}}"));
    assertEquals("retrievalMode", field("{\"symptoms\":\"c\",\"retrievalMode\":\"magic\"}"));
    assertEquals("symptoms", field("{\"symptoms\":5}"));
    assertEquals("symptoms", field("{\"symptoms\":\"" + "x".repeat(101) + "\"}"));
    assertEquals("question", assertThrows(ApiError.class,
        () -> p.question("{\"question\":null}".getBytes(StandardCharsets.UTF_8))).field());
  }

  @Test
  void hostileShapesAre400sNamingTheFieldNeverCrashes() {
    String deepArrays = "[".repeat(5000) + "]".repeat(5000);
    String deepObjects = "{\"a\":".repeat(1500) + "1" + "}".repeat(1500);
    String longNumber = "1".repeat(1500);
    assertEquals("body", field(deepArrays));
    assertEquals("symptoms", field("{\"symptoms\":" + deepArrays + "}"));
    assertEquals("filters.a", field("{\"symptoms\":\"c\",\"filters\":" + deepObjects + "}"));
    assertEquals("a.a", field(deepObjects), "the (unknown) fields the nesting is under, two levels at most");
    assertEquals("age", field("{\"symptoms\":\"c\",\"age\":" + longNumber + "}"));
    assertEquals("filters.ageMin", field("{\"symptoms\":\"c\",\"filters\":{\"ageMin\":" + longNumber + "}}"));
    assertEquals("topK", field("{\"symptoms\":\"c\",\"topK\":18446744073709551617}"), "2^64+1 is not 1");
    assertEquals("topK", field("{\"symptoms\":\"c\",\"topK\":4294967297}"), "2^32+1 is not 1");
    assertEquals("topK", field("{\"symptoms\":\"c\",\"topK\":-18446744073709551615}"));
    assertEquals("topK", field("{\"symptoms\":\"c\",\"topK\":3.5}"));
    assertEquals("age", field("{\"symptoms\":\"c\",\"age\":1e400}"));
    assertEquals("age", field("{\"symptoms\":\"c\",\"age\":-1e400}"));
    assertEquals("body", field("{\"symptoms\":\"c\",\"age\":NaN}"), "not JSON at all");
    assertEquals("body", field("{\"symptoms\":\"c\"} trailing"));
    assertEquals("body", field("{\"symptoms\":\"c\""));
  }
}
