package org.patientinsight.core.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatYamlTest {

  @Test
  void quotesWhatYamlWouldReadAsSomethingElse() {
    assertEquals("'0'", FlatYaml.scalar("0"));
    assertEquals("'123456789012345678'", FlatYaml.scalar("123456789012345678"));
    assertEquals("'true'", FlatYaml.scalar("true"));
    assertEquals("'null'", FlatYaml.scalar("null"));
    assertEquals("'1e5'", FlatYaml.scalar("1e5"));
    assertEquals("''", FlatYaml.scalar(""));
    assertEquals("'it''s: here'", FlatYaml.scalar("it's: here"));
    assertEquals("\"a\\nb\"", FlatYaml.scalar("a\nb"));
    assertEquals("null", FlatYaml.scalar(null));
    assertEquals("42", FlatYaml.scalar(42L));
    assertEquals("[]", FlatYaml.scalar(List.of()));
  }

  @Test
  void leavesPlainStringsPlain() {
    assertEquals("patient-insight", FlatYaml.scalar("patient-insight"));
    assertEquals("file:///tmp/mlruns/1", FlatYaml.scalar("file:///tmp/mlruns/1"));
    assertEquals("active", FlatYaml.scalar("active"));
  }

  @Test
  void writesSortedKeysAndReadsThemBack() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "it's: \"odd\"\n");
    m.put("experiment_id", "12");
    m.put("creation_time", 5L);
    String text = FlatYaml.write(m);
    assertEquals("creation_time: 5\nexperiment_id: '12'\nname: \"it's: \\\"odd\\\"\\n\"\n", text);
    Map<String, String> back = FlatYaml.readTopLevel(List.of(text.split("\n")));
    assertEquals("it's: \"odd\"\n", back.get("name"));
    assertEquals("12", back.get("experiment_id"));
    assertEquals("5", back.get("creation_time"));
  }
}
