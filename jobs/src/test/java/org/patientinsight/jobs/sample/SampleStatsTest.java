package org.patientinsight.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleStatsTest {

  @Test
  void describesRowsAndDirtInWords() {
    Map<DirtType, Long> dirt = new EnumMap<>(DirtType.class);
    dirt.put(DirtType.MALFORMED_AGE, 3L);
    dirt.put(DirtType.EMPTY_NOTE, 2L);
    assertEquals("200 rows, 5 with planted dirt (3 malformed age, 2 empty note)",
        new SampleStats(200, dirt).describe());
    assertEquals("1 row, no planted dirt", new SampleStats(1, Map.of()).describe());
  }
}
