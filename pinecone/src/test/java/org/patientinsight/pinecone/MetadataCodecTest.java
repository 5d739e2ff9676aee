package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataCodecTest {

  private static Map<String, Object> meta(String title, String snippet) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pmid", "32320506");
    m.put("title", title);
    m.put("age_years", 45.5);
    m.put("gender", "F");
    m.put("snippet", snippet);
    m.put("content_hash", "ab12");
    return m;
  }

  @Test
  void smallMetadataRoundTripsToPlainJavaTypes() {
    Map<String, Object> in = meta("A case", "fever and cough");
    in.put("flag", true);
    in.put("count", 3);
    in.put("tags", List.of("a", "b"));
    Map<String, Object> out = MetadataCodec.decode(MetadataCodec.encode("u1", in));
    assertEquals("32320506", out.get("pmid"));
    assertEquals(45.5, out.get("age_years"));
    assertEquals(true, out.get("flag"));
    assertEquals(3.0, out.get("count")); // numbers come back as Double, as in JSON
    assertEquals(List.of("a", "b"), out.get("tags"));
    assertEquals("fever and cough", out.get("snippet"));
  }

  @Test
  void nullValuesAreLeftOut() {
    Map<String, Object> in = meta("t", "s");
    in.put("age_years", null);
    assertTrue(!MetadataCodec.decode(MetadataCodec.encode("u1", in)).containsKey("age_years"));
  }

  @Test
  void oversizedSnippetIsShortenedFirstAndTheResultFits() {
    String snippet = TestRecords.text(100_000, 1);
    Struct s = MetadataCodec.encode("u1", meta("A title", snippet));
    Map<String, Object> out = MetadataCodec.decode(s);
    assertTrue(s.getSerializedSize() <= MetadataCodec.TARGET_BYTES);
    assertTrue(MetadataCodec.size(out) <= MetadataCodec.TARGET_BYTES);
    assertEquals("A title", out.get("title"));
    String kept = (String) out.get("snippet");
    assertTrue(snippet.startsWith(kept));
    assertTrue(kept.length() > 39_000, "trimmed more than needed: " + kept.length());
  }

  @Test
  void titleIsShortenedWhenTheSnippetIsNotEnough() {
    Struct s = MetadataCodec.encode("u1", meta(TestRecords.text(80_000, 2),
        TestRecords.text(80_000, 3)));
    Map<String, Object> out = MetadataCodec.decode(s);
    assertEquals("", out.get("snippet"));
    assertTrue(((String) out.get("title")).length() > 39_000);
    assertTrue(MetadataCodec.size(out) <= MetadataCodec.TARGET_BYTES);
    assertEquals("ab12", out.get("content_hash"));
  }

  @Test
  void jsonEscapingAndMultiByteTextAreCountedAndNeverSplit() {
    // quotes/backslashes grow in JSON; emoji are 4 bytes in UTF-8 and 2 chars in Java
    String nasty = "\"\\\u00e9\ud83d\ude00".repeat(12_000);
    Struct s = MetadataCodec.encode("u1", meta("t", nasty));
    Map<String, Object> out = MetadataCodec.decode(s);
    assertTrue(MetadataCodec.size(out) <= MetadataCodec.TARGET_BYTES);
    String kept = (String) out.get("snippet");
    assertTrue(nasty.startsWith(kept));
    assertTrue(kept.length() > 8_000, "trimmed more than needed: " + kept.length());
    assertTrue(!Character.isHighSurrogate(kept.charAt(kept.length() - 1)));
  }

  @Test
  void truncateUtf8KeepsWholeCharacters() {
    assertEquals("ab", MetadataCodec.truncateUtf8("ab\u00e9", 3));
    assertEquals("ab\u00e9", MetadataCodec.truncateUtf8("ab\u00e9", 4));
    assertEquals("", MetadataCodec.truncateUtf8("\ud83d\ude00", 3));
  }

  @Test
  void unsupportedTypesNameTheKeyAndRecord() {
    Map<String, Object> in = meta("t", "s");
    in.put("when", new java.util.Date());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MetadataCodec.encode("uid-9", in));
    assertTrue(e.getMessage().contains("'when'") && e.getMessage().contains("uid-9"));
    Map<String, Object> nan = meta("t", "s");
    nan.put("age_years", Double.NaN);
    assertThrows(IllegalArgumentException.class, () -> MetadataCodec.encode("uid-9", nan));
  }
}
