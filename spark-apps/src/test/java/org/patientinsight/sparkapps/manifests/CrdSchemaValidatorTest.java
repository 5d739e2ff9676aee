package org.patientinsight.sparkapps.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The strictness transformation itself, on small hand-written schemas. */
class CrdSchemaValidatorTest {

  @Test
  void closesObjectsWithPropertiesButNotPreservedOrMapObjects() throws Exception {
    JsonNode schema = ManifestDocuments.YAML.readTree("""
        type: object
        properties:
          spec:
            type: object
            x-kubernetes-map-type: atomic
            properties:
              a: {type: string}
              free:
                type: object
                x-kubernetes-preserve-unknown-fields: true
                properties:
                  b: {type: string}
              conf:
                type: object
                additionalProperties: {type: string}
              list:
                type: array
                items:
                  type: object
                  properties:
                    c: {type: integer}
        """);
    JsonNode strict = CrdSchemaValidator.strict(schema.deepCopy());
    assertEquals(false, strict.path("additionalProperties").asBoolean(true));
    JsonNode spec = strict.path("properties").path("spec");
    assertEquals(false, spec.path("additionalProperties").asBoolean(true));
    assertFalse(spec.has("x-kubernetes-map-type"), "vendor keywords removed");
    JsonNode free = spec.path("properties").path("free");
    assertFalse(free.has("additionalProperties"), "preserve-unknown-fields stays open");
    assertFalse(free.has("x-kubernetes-preserve-unknown-fields"));
    assertEquals("string", spec.path("properties").path("conf").path("additionalProperties").path("type").asText(),
        "map schemas keep their value schema");
    assertEquals(false, spec.path("properties").path("list").path("items").path("additionalProperties").asBoolean(true),
        "array items are closed too");
  }
}
