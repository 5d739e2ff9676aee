package org.patientinsight.core.vector;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * How a {@link VectorRecord} is laid out as a Lucene document, and read back.
 *
 * <ul>
 *   <li>{@value #ID}: the record id, indexed as one term (for update/delete) and stored;
 *   <li>{@value #VECTOR}: the vector scaled to unit length, HNSW by dot product (= cosine);
 *   <li>{@value #TEXT}: metadata key {@value #TEXT_KEY}, the note text, analysed for BM25;
 *       indexed but <b>never stored or returned</b> (the store keeps only a snippet);
 *   <li>{@value #AGE}: a double point for range filters, also stored;
 *   <li>{@value #GENDER}: indexed upper case as one term for filters, stored as given;
 *   <li>every other metadata key: stored as given (String, whole number as Long, other
 *       numbers as Double, Boolean).
 * </ul>
 * Internal field names start with "_", so metadata keys may not.
 */
final class CaseDocuments {
  static final String ID = "_id";
  static final String VECTOR = "_vector";
  static final String TEXT = "_text";
  static final String BOOLEAN_KEYS = "_boolean_keys";
  static final String TEXT_KEY = "text";
  static final String AGE = "age_years";
  static final String GENDER = "gender";

  private CaseDocuments() {}

  static Document toDocument(VectorRecord r) {
    Document doc = new Document();
    doc.add(new StringField(ID, r.id(), Field.Store.YES));
    doc.add(new KnnFloatVectorField(VECTOR, unitVector(r.values(), "record " + r.id()),
        SIMILARITY));
    for (Map.Entry<String, Object> e : r.metadata().entrySet()) {
      addMetadata(doc, r.id(), e.getKey(), e.getValue());
    }
    return doc;
  }

  private static void addMetadata(Document doc, String id, String key, Object value) {
    if (key.isEmpty() || key.startsWith("_")) {
      throw new IllegalArgumentException("record " + id + ": metadata key '" + key
          + "' is reserved (keys must not be empty or start with '_')");
    }
    if (value == null) {
      return; // absent, like a missing age
    }
    switch (key) {
      case TEXT_KEY -> doc.add(new TextField(TEXT, requireString(id, key, value), Field.Store.NO));
      case AGE -> {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
          throw new IllegalArgumentException("record " + id + ": metadata '" + AGE
              + "' must be a finite number of years, got " + describe(value));
        }
        doc.add(new DoublePoint(AGE, n.doubleValue()));
        doc.add(new StoredField(AGE, n.doubleValue()));
      }
      case GENDER -> {
        String g = requireString(id, key, value);
        doc.add(new StringField(GENDER, genderTerm(g), Field.Store.NO));
        doc.add(new StoredField(GENDER, g));
      }
      default -> addStored(doc, id, key, value);
    }
  }

  private static void addStored(Document doc, String id, String key, Object value) {
    if (value instanceof String s) {
      doc.add(new StoredField(key, s));
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      doc.add(new StoredField(key, ((Number) value).longValue()));
    } else if (value instanceof Float || value instanceof Double) {
      doc.add(new StoredField(key, ((Number) value).doubleValue()));
    } else if (value instanceof Boolean b) {
      doc.add(new StoredField(key, b.toString()));
      doc.add(new StoredField(BOOLEAN_KEYS, key));
    } else {
      throw new IllegalArgumentException("record " + id + ": metadata '" + key
          + "' must be a String, Number or Boolean, got " + describe(value));
    }
  }

  /** The metadata stored for a hit (never the note text). */
  static Map<String, Object> metadata(Document doc) {
    Set<String> booleans = new HashSet<>();
    for (String k : doc.getValues(BOOLEAN_KEYS)) {
      booleans.add(k);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (IndexableField f : doc.getFields()) {
      String name = f.name();
      if (name.startsWith("_")) {
        continue;
      }
      Object v = f.numericValue() != null ? f.numericValue() : f.stringValue();
      if (booleans.contains(name)) {
        v = Boolean.valueOf(f.stringValue());
      }
      out.put(name, v);
    }
    return out;
  }

  static String genderTerm(String gender) {
    return gender.trim().toUpperCase(Locale.ROOT);
  }

  /**
   * Cosine as a dot product of unit vectors: the same ranking and scores as Lucene's COSINE,
   * without recomputing both norms at every one of HNSW's comparisons (measured faster for
   * both indexing and search). Vectors are normalised on the way in, so any non-zero input
   * is scored by its true cosine.
   */
  static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

  /**
   * A unit-length copy of {@code v}; rejects what has no cosine: non-finite values or all
   * zeros.
   */
  static float[] unitVector(float[] v, String what) {
    if (v == null || v.length == 0) {
      throw new IllegalArgumentException(what + ": vector is empty");
    }
    double sq = 0;
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException(what + ": vector value " + i + " is " + v[i]);
      }
      sq += (double) v[i] * v[i];
    }
    if (sq == 0) {
      throw new IllegalArgumentException(what + ": vector is all zeros (no cosine)");
    }
    double inv = 1 / Math.sqrt(sq);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] * inv);
    }
    return out;
  }

  private static String requireString(String id, String key, Object value) {
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("record " + id + ": metadata '" + key
          + "' must be a String, got " + describe(value));
    }
    return s;
  }

  private static String describe(Object value) {
    // the type only: a value could be patient text, which never goes into messages or logs
    return value.getClass().getSimpleName();
  }
}
