package org.patientinsight.udfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

class SparkUdfsTest {

  private static SparkSession spark;

  @BeforeAll
  static void register() {
    spark = SharedSpark.get();
    SparkUdfs.register(spark);
  }

  private static Row one(String sql) {
    return spark.sql(sql).collectAsList().get(0);
  }

  @Test
  void everyFunctionWorksThroughSql() {
    Row r = one("SELECT pi_age_years(\"[[1.0, 'year'], [2.0, 'month']]\") AS age,"
        + " pi_age_years('[[1.0, bad') AS bad_age,"
        + " pi_gender(' female ') AS g, pi_gender('U') AS u,"
        + " pi_clean_note('<b>T</b> 39&nbsp;&deg;C') AS note,"
        + " pi_extract_age('An 8-year-old male with fever.') AS xa,"
        + " pi_extract_sex('An 8-year-old male with fever.') AS xs,"
        + " pi_content_hash(array('a', 'b')) AS h1, pi_content_hash(array('ab', '')) AS h2");
    assertEquals(1.0 + 2.0 / 12, r.getDouble(0), 1e-9);
    assertTrue(r.isNullAt(1));
    assertEquals("F", r.getString(2));
    assertTrue(r.isNullAt(3));
    assertEquals("T 39 °C", r.getString(4));
    assertEquals(8.0, r.getDouble(5), 1e-9);
    assertEquals("M", r.getString(6));
    assertEquals(ContentHash.sha256("a", "b"), r.getString(7));
    assertNotEquals(r.getString(7), r.getString(8));
  }

  @Test
  void dictBecomesAMapAndMalformedBecomesNull() {
    Row r = one("SELECT pi_parse_dict(\"{'7665777-2': 2, '32320506': 1}\") AS m,"
        + " pi_parse_dict('{}') AS e, pi_parse_dict(\"{'1': \") AS bad,"
        + " map_keys(pi_parse_dict(\"{'7665777-2': 2}\"))[0] AS k");
    Map<String, Integer> m = JavaConverters.mapAsJavaMap(r.getMap(0));
    assertEquals(Map.of("7665777-2", 2, "32320506", 1), m);
    assertEquals(0, r.getMap(1).size());
    assertTrue(r.isNullAt(2));
    assertEquals("7665777-2", r.getString(3));
  }

  @Test
  void nullInputsGiveNullsNotErrors() {
    Row r = one("SELECT pi_age_years(CAST(NULL AS STRING)), pi_gender(CAST(NULL AS STRING)),"
        + " pi_clean_note(CAST(NULL AS STRING)), pi_extract_age(CAST(NULL AS STRING)),"
        + " pi_content_hash(array(CAST(NULL AS STRING)))");
    assertNull(r.get(0));
    assertNull(r.get(1));
    assertEquals("", r.getString(2));
    assertNull(r.get(3));
    assertEquals(ContentHash.sha256((String) null), r.getString(4));
  }
}
