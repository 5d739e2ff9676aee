package org.patientinsight.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Struct;
import org.junit.jupiter.api.Test;
import org.patientinsight.core.vector.SearchFilter;

class MetadataFiltersTest {

  @Test
  void fullFilterUsesPineconeOperators() {
    Struct s = MetadataFilters.toStruct(new SearchFilter(40.0, 60.0, "F"));
    Struct age = s.getFieldsOrThrow("age_years").getStructValue();
    assertEquals(40.0, age.getFieldsOrThrow("$gte").getNumberValue());
    assertEquals(60.0, age.getFieldsOrThrow("$lte").getNumberValue());
    assertEquals("F", s.getFieldsOrThrow("gender").getStructValue()
        .getFieldsOrThrow("$eq").getStringValue());
  }

  @Test
  void openEndedAndEmptyFilters() {
    Struct s = MetadataFilters.toStruct(new SearchFilter(null, 18.0, null));
    assertEquals(1, s.getFieldsCount());
    assertEquals(1, s.getFieldsOrThrow("age_years").getStructValue().getFieldsCount());
    assertNull(MetadataFilters.toStruct(SearchFilter.NONE));
    assertNull(MetadataFilters.toStruct(null));
  }

  @Test
  void invertedRangeIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> MetadataFilters.toStruct(new SearchFilter(60.0, 40.0, null)));
  }
}
