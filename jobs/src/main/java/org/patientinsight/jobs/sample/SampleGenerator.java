package org.patientinsight.jobs.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.patientinsight.jobs.ingest.RawColumns;

/**
 * Writes realistic PMC-Patients-layout sample files (CSV or JSON lines) for demos, tests and
 * benchmarks: several notes per article, newborn-to-centenarian ages, long-tailed note lengths,
 * clinical prose whose opening states the same age and sex as the fields, and the dirt real
 * exports carry at {@link SampleSpec#dirtRate()}. Rows are streamed, so size is not bounded
 * by memory; the writer is flushed, not closed.
 */
public final class SampleGenerator {

  /** The PMC-Patients header, in the published dataset's order. */
  public static final List<String> COLUMNS = RawColumns.ALL;

  private static final int BUFFER_CHARS = 1 << 20;

  private SampleGenerator() {
  }

  public static SampleStats writeCsv(SampleSpec spec, Writer out) throws IOException {
    BufferedWriter buffered = new BufferedWriter(out, BUFFER_CHARS);
    return write(spec, new CsvRecordWriter(buffered), buffered);
  }

  public static SampleStats writeJsonl(SampleSpec spec, Writer out) throws IOException {
    BufferedWriter buffered = new BufferedWriter(out, BUFFER_CHARS);
    return write(spec, new JsonlRecordWriter(buffered), buffered);
  }

  /** The rows {@link #writeCsv} would write, with the truth behind each. */
  public static Iterator<SampleCase> cases(SampleSpec spec) {
    return new CaseStream(spec);
  }

  private static SampleStats write(SampleSpec spec, RecordWriter writer, Writer buffered) throws IOException {
    Map<DirtType, Long> dirty = new EnumMap<>(DirtType.class);
    long rows = 0;
    writer.header(COLUMNS);
    for (Iterator<SampleCase> it = cases(spec); it.hasNext(); ) {
      SampleCase c = it.next();
      writer.write(c.fields());
      rows++;
      if (c.dirty()) {
        dirty.merge(c.dirt(), 1L, Long::sum);
      }
    }
    buffered.flush();
    return new SampleStats(rows, dirty);
  }
}
