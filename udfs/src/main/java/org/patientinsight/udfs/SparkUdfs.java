package org.patientinsight.udfs;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Registers the record logic as Spark SQL functions, so ingest SQL and notebooks share one
 * implementation with the unit-tested Java classes. Every function returns null for null
 * input and never throws on bad data (a thrown exception would fail the whole Spark job).
 */
public final class SparkUdfs {

  public static final String AGE_YEARS = "pi_age_years";
  public static final String GENDER = "pi_gender";
  public static final String CLEAN_NOTE = "pi_clean_note";
  public static final String PARSE_DICT = "pi_parse_dict";
  public static final String EXTRACT_AGE = "pi_extract_age";
  public static final String EXTRACT_SEX = "pi_extract_sex";
  public static final String CONTENT_HASH = "pi_content_hash";

  private SparkUdfs() {
  }

  public static void register(SparkSession spark) {
    var udf = spark.udf();
    // null for missing and malformed literals alike; use AgeLiteral directly to tell them apart
    udf.register(AGE_YEARS, (UDF1<String, Double>) raw -> AgeLiteral.parse(raw).years(),
        DataTypes.DoubleType);
    udf.register(GENDER, (UDF1<String, String>) GenderField::normalise, DataTypes.StringType);
    udf.register(CLEAN_NOTE, (UDF1<String, String>) NoteCleaner::clean, DataTypes.StringType);
    // empty map for a missing dict, null for a malformed one, so SQL can flag it
    udf.register(PARSE_DICT, (UDF1<String, Map<String, Integer>>) SparkUdfs::dictOrNull,
        DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType));
    udf.register(EXTRACT_AGE, (UDF1<String, Double>) text -> DemographicsExtractor.extract(text).ageYears(),
        DataTypes.DoubleType);
    udf.register(EXTRACT_SEX, (UDF1<String, String>) text -> DemographicsExtractor.extract(text).sex(),
        DataTypes.StringType);
    udf.register(CONTENT_HASH, (UDF1<Seq<String>, String>) SparkUdfs::hashOf, DataTypes.StringType);
  }

  private static Map<String, Integer> dictOrNull(String raw) {
    try {
      return PythonDict.parse(raw);
    } catch (LiteralSyntaxException e) {
      return null;
    }
  }

  private static String hashOf(Seq<String> parts) {
    if (parts == null) {
      return null;
    }
    return ContentHash.sha256(JavaConverters.seqAsJavaList(parts).toArray(String[]::new));
  }
}
