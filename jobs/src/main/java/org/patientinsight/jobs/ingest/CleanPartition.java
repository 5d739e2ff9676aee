package org.patientinsight.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.patientinsight.contract.NoteLengthRule;
import org.patientinsight.contract.QuarantineCode;
import org.patientinsight.quality.deequ.ScalaInterop;
import org.patientinsight.udfs.CaseCleaner;
import org.patientinsight.udfs.CleanedCase;
import org.patientinsight.udfs.QuarantineReason;
import org.patientinsight.udfs.RawCase;

/**
 * The Spark edge of cleaning: turns each raw row into a staged row with the pure-Java
 * {@link CaseCleaner}. Records Spark could not parse are quarantined here; everything else is
 * the cleaner's decision.
 */
final class CleanPartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private final NoteLengthRule noteLength;

  CleanPartition(NoteLengthRule noteLength) {
    this.noteLength = noteLength;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    CaseCleaner cleaner = new CaseCleaner(noteLength);
    ObjectMapper json = new ObjectMapper();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return stage(rows.next(), cleaner, json);
      }
    };
  }

  private static Row stage(Row r, CaseCleaner cleaner, ObjectMapper json) {
    long seq = r.getAs(RawColumns.SEQ);
    String source = r.getAs(RawColumns.SOURCE);
    String corrupt = r.getAs(RawColumns.CORRUPT);
    RawCase raw = new RawCase(
        r.getAs(RawColumns.PATIENT_ID), r.getAs(RawColumns.PATIENT_UID), r.getAs(RawColumns.PMID),
        r.getAs(RawColumns.FILE_PATH), r.getAs(RawColumns.TITLE), r.getAs(RawColumns.PATIENT),
        r.getAs(RawColumns.AGE), r.getAs(RawColumns.GENDER), r.getAs(RawColumns.RELEVANT_ARTICLES),
        r.getAs(RawColumns.SIMILAR_PATIENTS));

    if (corrupt != null) {
      // Spark could not parse the record: wrong field count (CSV) or not JSON (JSON lines)
      List<Row> broken = List.of(RowFactory.create(QuarantineCode.BROKEN_RECORD.name(),
          "the record could not be parsed: wrong number of fields for the header, or not valid JSON"));
      return quarantine(seq, source, blankToNull(raw.patientUid()), broken, corrupt);
    }
    String badEncoding = r.getAs(RawColumns.BAD_ENCODING);
    if (badEncoding != null) {
      // bytes that are not UTF-8 (Latin-1, mostly): decoding them would change the note silently
      List<Row> invalid = List.of(RowFactory.create(QuarantineCode.INVALID_ENCODING.name(),
          "not valid UTF-8 in: " + badEncoding + " (re-encode the file as UTF-8)"));
      return quarantine(seq, source, blankToNull(raw.patientUid()), invalid, rawJson(raw, json));
    }

    CleanedCase c = cleaner.clean(raw);
    if (c.quarantined()) {
      List<Row> reasons = new ArrayList<>();
      for (QuarantineReason q : c.reasons()) {
        reasons.add(RowFactory.create(q.code().name(), q.message()));
      }
      return quarantine(seq, source, blankToNull(raw.patientUid()), reasons, rawJson(raw, json));
    }
    return RowFactory.create(StagedColumns.KIND_CASE, seq, source,
        c.patientUid(), c.pmid(), c.title(), c.note(), c.ageYears(), c.ageSource(), c.gender(),
        c.genderSource(), ScalaInterop.mapView(c.relevantArticles()), ScalaInterop.mapView(c.similarPatients()),
        c.noteChars(), c.contentHash(), null, null);
  }

  private static Row quarantine(long seq, String source, String uid, List<Row> reasons, String raw) {
    return RowFactory.create(StagedColumns.KIND_QUARANTINE, seq, source, uid,
        null, null, null, null, null, null, null, null, null, null, null,
        ScalaInterop.seq(reasons), raw);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The raw fields as JSON text, exactly as read (kept in the quarantine table, never logged). */
  private static String rawJson(RawCase raw, ObjectMapper json) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(RawColumns.PATIENT_ID, raw.patientId());
    m.put(RawColumns.PATIENT_UID, raw.patientUid());
    m.put(RawColumns.PMID, raw.pmid());
    m.put(RawColumns.FILE_PATH, raw.filePath());
    m.put(RawColumns.TITLE, raw.title());
    m.put(RawColumns.PATIENT, raw.patient());
    m.put(RawColumns.AGE, raw.age());
    m.put(RawColumns.GENDER, raw.gender());
    m.put(RawColumns.RELEVANT_ARTICLES, raw.relevantArticles());
    m.put(RawColumns.SIMILAR_PATIENTS, raw.similarPatients());
    try {
      return json.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      return String.valueOf(m);
    }
  }
}
