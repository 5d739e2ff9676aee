package org.patientinsight.sparkapps.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi30;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates objects against a CRD's {@code openAPIV3Schema}, made strict: every object schema with
 * {@code properties} and without {@code x-kubernetes-preserve-unknown-fields} gets
 * {@code additionalProperties: false}, so a misspelt field is an error (the API server would
 * silently prune it). {@code x-kubernetes-*} keywords are removed; the rest is OpenAPI 3.0.
 */
public final class CrdSchemaValidator {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  private final String kind;
  private final Schema schema;

  private CrdSchemaValidator(String kind, Schema schema) {
    this.kind = kind;
    this.schema = schema;
  }

  public static CrdSchemaValidator load(Path crdFile) throws IOException {
    JsonNode crd = YAML.readTree(crdFile.toFile());
    String kind = crd.path("spec").path("names").path("kind").asText();
    JsonNode openApi = null;
    for (JsonNode version : crd.path("spec").path("versions")) {
      if ("v1beta2".equals(version.path("name").asText())) {
        openApi = version.path("schema").path("openAPIV3Schema");
      }
    }
    if (openApi == null || openApi.isMissingNode()) {
      throw new IllegalArgumentException(crdFile + " has no v1beta2 openAPIV3Schema");
    }
    JsonNode strict = strict(openApi.deepCopy());
    Schema schema = SchemaRegistry.withDefaultDialect(OpenApi30.getInstance()).getSchema(strict);
    return new CrdSchemaValidator(kind, schema);
  }

  public String kind() {
    return kind;
  }

  /** Problems found in {@code object}, as readable strings; empty when valid. */
  public List<String> validate(JsonNode object) {
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(object)) {
      problems.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    String name = object.path("metadata").path("name").asText("");
    if (name.length() > 63 || !DNS_1035.matcher(name).matches()) {
      problems.add("metadata.name '" + name + "' is not a DNS-1035 label");
    }
    return problems;
  }

  static JsonNode strict(JsonNode node) {
    if (node instanceof ObjectNode object) {
      boolean preserveUnknown = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<String> vendorKeys = new ArrayList<>();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().startsWith("x-kubernetes-")) {
          vendorKeys.add(field.getKey());
        } else if (!"properties".equals(field.getKey())) {
          strict(field.getValue());
        }
      }
      object.remove(vendorKeys);
      if (object.has("properties")) {
        // "properties" maps field names to schemas: descend into each schema, not the map itself
        object.get("properties").fields().forEachRemaining(p -> strict(p.getValue()));
        if (!preserveUnknown && !object.has("additionalProperties")) {
          object.put("additionalProperties", false);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(CrdSchemaValidator::strict);
    }
    return node;
  }
}
