package org.patientinsight.jobs.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: a field is quoted when it holds a comma, a double quote or a line break, and a
 * quote inside is doubled; records end with LF, as the PMC-Patients export does. Notes keep
 * their line breaks, so records span several lines.
 */
final class CsvRecordWriter implements RecordWriter {

  private final Writer out;

  CsvRecordWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void header(List<String> columns) throws IOException {
    write(columns);
  }

  @Override
  public void write(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      writeField(fields.get(i));
    }
    out.write('\n');
  }

  private void writeField(String f) throws IOException {
    if (!needsQuotes(f)) {
      out.write(f);
      return;
    }
    out.write('"');
    int from = 0;
    for (int q = f.indexOf('"'); q >= 0; q = f.indexOf('"', from)) {
      out.write(f, from, q - from + 1);
      out.write('"');
      from = q + 1;
    }
    out.write(f, from, f.length() - from);
    out.write('"');
  }

  private static boolean needsQuotes(String f) {
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
