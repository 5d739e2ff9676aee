package org.patientinsight.jobs.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** JSON lines: one object per row with every field as a JSON string, keys as in the CSV header. */
final class JsonlRecordWriter implements RecordWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Writer out;
  private List<String> columns;

  JsonlRecordWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void header(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  @Override
  public void write(List<String> fields) throws IOException {
    out.write('{');
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      string(columns.get(i));
      out.write(':');
      string(fields.get(i));
    }
    out.write("}\n");
  }

  private void string(String s) throws IOException {
    out.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.write("\\\"");
        case '\\' -> out.write("\\\\");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        case '\t' -> out.write("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.write("\\u");
            out.write(HEX[c >> 12 & 0xF]);
            out.write(HEX[c >> 8 & 0xF]);
            out.write(HEX[c >> 4 & 0xF]);
            out.write(HEX[c & 0xF]);
          } else {
            out.write(c);
          }
        }
      }
    }
    out.write('"');
  }
}
