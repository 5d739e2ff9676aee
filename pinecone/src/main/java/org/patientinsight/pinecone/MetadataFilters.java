package org.patientinsight.pinecone;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import org.patientinsight.core.vector.SearchFilter;

/**
 * A {@link SearchFilter} as a Pinecone metadata filter, e.g.
 * {@code {"age_years": {"$gte": 40, "$lte": 60}, "gender": {"$eq": "F"}}} (fields side by side
 * are ANDed by Pinecone).
 */
final class MetadataFilters {

  static final String AGE_FIELD = "age_years";
  static final String SEX_FIELD = "gender";

  private MetadataFilters() {}

  /** The filter, or null when it restricts nothing (Pinecone then searches everything). */
  static Struct toStruct(SearchFilter filter) {
    if (filter == null || filter.isEmpty()) {
      return null;
    }
    Struct.Builder root = Struct.newBuilder();
    if (filter.ageMin() != null || filter.ageMax() != null) {
      if (filter.ageMin() != null && filter.ageMax() != null
          && filter.ageMin() > filter.ageMax()) {
        throw new IllegalArgumentException("search filter ageMin " + filter.ageMin()
            + " is above ageMax " + filter.ageMax());
      }
      Struct.Builder range = Struct.newBuilder();
      if (filter.ageMin() != null) {
        range.putFields("$gte", number(filter.ageMin()));
      }
      if (filter.ageMax() != null) {
        range.putFields("$lte", number(filter.ageMax()));
      }
      root.putFields(AGE_FIELD, Value.newBuilder().setStructValue(range).build());
    }
    if (filter.sex() != null) {
      Struct eq = Struct.newBuilder()
          .putFields("$eq", Value.newBuilder().setStringValue(filter.sex()).build()).build();
      root.putFields(SEX_FIELD, Value.newBuilder().setStructValue(eq).build());
    }
    return root.build();
  }

  private static Value number(Double d) {
    if (d.isNaN() || d.isInfinite()) {
      throw new IllegalArgumentException("search filter age bound must be a finite number");
    }
    return Value.newBuilder().setNumberValue(d).build();
  }
}
