package org.patientinsight.jobs.sample;

import java.io.IOException;
import java.util.List;

/** One output format for sample rows. */
interface RecordWriter {

  void header(List<String> columns) throws IOException;

  void write(List<String> fields) throws IOException;
}
