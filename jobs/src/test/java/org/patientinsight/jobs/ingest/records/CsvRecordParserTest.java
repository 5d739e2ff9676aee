package org.patientinsight.jobs.ingest.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV grammar, record by record. */
class CsvRecordParserTest {
  private static List<RawRecord> records(String text, int fields) {
    return records(text.getBytes(StandardCharsets.UTF_8), fields);
  }

  private static List<RawRecord> records(byte[] data, int fields) {
    long[] end = new long[1];
    CsvRecordParser.header(CsvBytes.window(data, 0), 0, end);
    CsvRecordParser p = new CsvRecordParser(CsvBytes.window(data, end[0]), fields, 1 << 20);
    List<RawRecord> out = new ArrayList<>();
    long[] next = {end[0]};
    RawRecord r;
    while ((r = p.next(next[0], next)) != null) {
      out.add(r);
    }
    return out;
  }

  @Test
  void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() {
    List<RawRecord> r = records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"l1\nl2\r\nl3\rl4\"\n1,,\"\"\r\n", 3);
    assertEquals(2, r.size());
    assertArrayEquals(new String[] {"x, y", "say \"hi\"", "l1\nl2\r\nl3\rl4"}, r.get(0).fields());
    assertNull(r.get(0).corrupt());
    assertArrayEquals(new String[] {"1", null, null}, r.get(1).fields(), "empty fields are null, quoted or not");
  }

  @Test
  void bomAndHeaderQuotesAndBlankLinesAndMissingFinalNewline() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "\"a\",b\n\n1,2\r\n\r\n3,4".getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, data, 0, 3);
    System.arraycopy(body, 0, data, 3, body.length);
    long[] end = new long[1];
    assertEquals(List.of("a", "b"), CsvRecordParser.header(CsvBytes.window(data, 0), 0, end));
    List<RawRecord> r = records(data, 2);
    assertEquals(2, r.size());
    assertArrayEquals(new String[] {"3", "4"}, r.get(1).fields());
  }

  @Test
  void wrongFieldCountIsBrokenWithItsRawText() {
    List<RawRecord> r = records("a,b,c\n1,2\n1,2,3,4\n5,6,7\n", 3);
    assertEquals(3, r.size(), "each its own record: their quotes are fine, so their ends are too");
    assertEquals("1,2", r.get(0).corrupt());
    assertArrayEquals(new String[] {"1", "2", null}, r.get(0).fields());
    assertEquals("1,2,3,4", r.get(1).corrupt());
    assertNull(r.get(2).corrupt());
  }

  @Test
  void aStrayQuoteInAMultiLineNoteCostsExactlyThatRecord() {
    String good1 = "1,\"first note\nline two\",x\n";
    String bad = "2,\"the patient said \"stop\", and then\nline two, with commas\nline three\",y\n";
    String good2 = "3,\"third\nnote\",z\n";
    List<RawRecord> r = records("id,note,tag\n" + good1 + bad + good2, 3);
    assertEquals(3, r.size(), "one record per case, the broken one whole");
    assertNull(r.get(0).corrupt());
    assertEquals(bad.substring(0, bad.length() - 1), r.get(1).corrupt());
    assertEquals("2", r.get(1).fields()[0], "its id is still known for the quarantine row");
    assertArrayEquals(new String[] {"3", "third\nnote", "z"}, r.get(2).fields());
  }

  @Test
  void anUnclosedQuoteReSyncsAtTheNextGoodRecord() {
    List<RawRecord> r = records("id,note,tag\n1,\"never closed,x\n2,ok,y\n", 3);
    assertEquals(2, r.size());
    assertEquals("1,\"never closed,x", r.get(0).corrupt());
    assertArrayEquals(new String[] {"2", "ok", "y"}, r.get(1).fields());
  }

  @Test
  void invalidUtf8IsReportedPerField() {
    byte[] data = "id,note\n1,caf\u00e9\n2,caf".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = new byte[data.length + 1];
    System.arraycopy(data, 0, latin1, 0, data.length);
    latin1[data.length] = (byte) 0xE9; // é in Latin-1
    List<RawRecord> r = records(latin1, 2);
    assertNull(r.get(0).badEncodingFields(), "real UTF-8 is fine");
    assertNotNull(r.get(1).badEncodingFields());
    assertArrayEquals(new int[] {1}, r.get(1).badEncodingFields());
    List<RawRecord> literal = records("id,note\n1,a \uFFFD b\n", 2);
    assertNull(literal.get(0).badEncodingFields(), "a real U+FFFD in UTF-8 is not an error");
  }

  @Test
  void recordStartsAreFoundFromAnyOffset() {
    String text = "id,note,tag\n1,\"a\nb\",x\n2,c,y\n";
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    int inside = text.indexOf("b\"");
    CsvRecordParser p = new CsvRecordParser(CsvBytes.window(data, inside - 1), 3, 1 << 20);
    assertEquals(text.indexOf("2,c"), p.firstCandidateAtOrAfter(inside));
    assertTrue(SplitStarts.bounds(10, 3).length == 5);
  }
}
