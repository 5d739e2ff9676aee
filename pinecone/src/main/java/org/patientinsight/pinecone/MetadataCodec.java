package org.patientinsight.pinecone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a record's metadata (String, Number, Boolean, list of String) into the protobuf
 * {@link Struct} Pinecone stores, kept under Pinecone's 40 KB per-record metadata limit by
 * shortening the long text fields (snippet first, then title, then any other string), and
 * turns stored metadata back into plain Java values (numbers come back as Double, as in JSON).
 */
final class MetadataCodec {

  /** Pinecone's limit is 40 KB per record; we aim a little under it. */
  static final int PINECONE_LIMIT_BYTES = 40 * 1024;
  static final int TARGET_BYTES = 40_000;
  /** Fields shortened first when metadata is too large, most expendable first. */
  static final List<String> TRIM_ORDER = List.of("snippet", "title");

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetadataCodec() {}

  /** The metadata as a Struct of at most {@link #TARGET_BYTES} (JSON and protobuf size). */
  static Struct encode(String id, Map<String, Object> metadata) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : metadata.entrySet()) {
      Object v = e.getValue();
      if (v != null) {
        fields.put(e.getKey(), checkType(id, e.getKey(), v));
      }
    }
    int size = size(fields);
    while (size > TARGET_BYTES) {
      String key = nextToTrim(fields);
      if (key == null) {
        throw new IllegalArgumentException("metadata of record " + id + " is " + size
            + " bytes with every text field emptied; Pinecone allows " + PINECONE_LIMIT_BYTES);
      }
      String text = (String) fields.get(key);
      int bytes = text.getBytes(StandardCharsets.UTF_8).length;
      // escaping makes a text's encoded size differ from its UTF-8 size: cut in proportion
      double encodedPerByte = (double) size(Map.of(key, text)) / bytes;
      int cut = (int) Math.ceil((size - TARGET_BYTES) / encodedPerByte) + 8;
      fields.put(key, truncateUtf8(text, Math.max(0, bytes - cut)));
      size = size(fields);
    }
    Struct.Builder b = Struct.newBuilder();
    fields.forEach((k, v) -> b.putFields(k, toValue(v)));
    return b.build();
  }

  /** Fails, naming the key and record, on a value Pinecone cannot store. */
  static void checkTypes(String id, Map<String, Object> metadata) {
    metadata.forEach((k, v) -> {
      if (v != null) {
        checkType(id, k, v);
      }
    });
  }

  /** Stored metadata back as plain Java values. */
  static Map<String, Object> decode(Struct struct) {
    Map<String, Object> out = new LinkedHashMap<>();
    struct.getFieldsMap().forEach((k, v) -> {
      Object plain = fromValue(v);
      if (plain != null) {
        out.put(k, plain);
      }
    });
    return out;
  }

  /** The larger of the JSON and the protobuf encoding, so either way Pinecone measures fits. */
  static int size(Map<String, Object> fields) {
    try {
      int json = JSON.writeValueAsBytes(fields).length;
      Struct.Builder b = Struct.newBuilder();
      fields.forEach((k, v) -> b.putFields(k, toValue(v)));
      return Math.max(json, b.build().getSerializedSize());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot measure metadata: " + e.getMessage(), e);
    }
  }

  /** The longest prefix of {@code s} whose UTF-8 form fits in maxBytes (never splits a char). */
  static String truncateUtf8(String s, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }

  private static String nextToTrim(Map<String, Object> fields) {
    for (String key : TRIM_ORDER) {
      if (fields.get(key) instanceof String s && !s.isEmpty()) {
        return key;
      }
    }
    return fields.entrySet().stream()
        .filter(e -> e.getValue() instanceof String s && !s.isEmpty())
        .max(Comparator.comparingInt(e -> ((String) e.getValue()).length()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  private static Object checkType(String id, String key, Object v) {
    if (v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("metadata '" + key + "' of record " + id
            + " is not a finite number");
      }
      return v;
    }
    if (v instanceof Collection<?> c && c.stream().allMatch(x -> x instanceof String)) {
      return new ArrayList<>(c);
    }
    throw new IllegalArgumentException("metadata '" + key + "' of record " + id + " has type "
        + v.getClass().getSimpleName() + "; Pinecone takes strings, numbers, booleans and "
        + "lists of strings");
  }

  private static Value toValue(Object v) {
    if (v instanceof String s) {
      return Value.newBuilder().setStringValue(s).build();
    }
    if (v instanceof Boolean bool) {
      return Value.newBuilder().setBoolValue(bool).build();
    }
    if (v instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    }
    ListValue.Builder list = ListValue.newBuilder();
    for (Object o : (Collection<?>) v) {
      list.addValues(Value.newBuilder().setStringValue((String) o));
    }
    return Value.newBuilder().setListValue(list).build();
  }

  private static Object fromValue(Value v) {
    switch (v.getKindCase()) {
      case STRING_VALUE: return v.getStringValue();
      case NUMBER_VALUE: return v.getNumberValue();
      case BOOL_VALUE: return v.getBoolValue();
      case LIST_VALUE: {
        List<Object> out = new ArrayList<>();
        v.getListValue().getValuesList().stream().map(MetadataCodec::fromValue)
            .filter(x -> x != null).forEach(out::add);
        return List.copyOf(out);
      }
      case STRUCT_VALUE: return decode(v.getStructValue());
      default: return null;
    }
  }
}
