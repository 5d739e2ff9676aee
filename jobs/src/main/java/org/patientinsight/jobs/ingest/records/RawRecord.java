package org.patientinsight.jobs.ingest.records;

/**
 * One record as the parser found it: its byte offset in the file (input order), its fields by
 * header position (an empty field is null), and, for a record that could not be parsed
 * cleanly, its raw text. {@code badEncodingFields} names the header positions whose bytes are
 * not valid UTF-8 (null when all are).
 */
public record RawRecord(long offset, String[] fields, String corrupt, int[] badEncodingFields) {
  public boolean broken() {
    return corrupt != null;
  }
}
