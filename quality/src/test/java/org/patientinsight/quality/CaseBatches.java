package org.patientinsight.quality;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Synthetic staged batches with the real staged-batch schema, for tests. */
public final class CaseBatches {
  public static final StructType SCHEMA = new StructType()
      .add("patient_uid", DataTypes.StringType)
      .add("pmid", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("note", DataTypes.StringType)
      .add("age_years", DataTypes.DoubleType)
      .add("age_source", DataTypes.StringType)
      .add("gender", DataTypes.StringType)
      .add("gender_source", DataTypes.StringType)
      .add("relevant_articles", DataTypes.createMapType(DataTypes.StringType,
          DataTypes.IntegerType))
      .add("similar_patients", DataTypes.createMapType(DataTypes.StringType,
          DataTypes.IntegerType))
      .add("note_chars", DataTypes.IntegerType)
      .add("content_hash", DataTypes.StringType)
      .add("source_uri", DataTypes.StringType)
      .add("run_id", DataTypes.StringType)
      .add("ingested_at", DataTypes.TimestampType);

  /** A mutable test row; tweak fields then turn it into a Spark row. */
  public static final class Case {
    public String uid;
    public String pmid;
    public String title;
    public String note;
    public Double age;
    public String ageSource;
    public String gender;
    public String genderSource;
    public int repeatNote = 1;

    Row toRow(String runId) {
      String text = note == null ? null : note.repeat(repeatNote);
      return RowFactory.create(uid, pmid, title, text, age, ageSource, gender, genderSource,
          Map.of(pmid == null ? "0" : pmid, 1), Map.of(uid + "-sim", 2),
          text == null ? null : text.length(), Integer.toHexString(String.valueOf(text)
              .hashCode()), "file:///data/sample.csv", runId,
          new Timestamp(1_700_000_000_000L));
    }
  }

  private CaseBatches() {}

  /** Case {@code i} of a clean batch: every field present and valid. */
  public static Case clean(int i) {
    Case c = new Case();
    c.uid = (7000000 + i) + "-1";
    c.pmid = String.valueOf(30000000 + i);
    c.title = "Case report number " + i;
    c.note = "A patient presented with fever and cough for three days; chest film showed "
        + "consolidation. Treated with antibiotics and recovered. Case " + i + ".";
    c.age = (double) ((i * 7) % 90 + 1);
    c.ageSource = i % 10 == 0 ? "text" : "field";
    c.gender = i % 2 == 0 ? "F" : "M";
    c.genderSource = i % 12 == 0 ? "text" : "field";
    return c;
  }

  public static List<Case> cleanCases(int n) {
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(clean(i));
    }
    return out;
  }

  public static Dataset<Row> batch(List<Case> cases) {
    List<Row> rows = new ArrayList<>();
    for (Case c : cases) {
      rows.add(c.toRow("run-test"));
    }
    return QualityTestSpark.get().createDataFrame(rows, SCHEMA);
  }

  /** n clean cases with {@code edit} applied to each. */
  public static Dataset<Row> batch(int n, UnaryOperator<Case> edit) {
    List<Case> cases = cleanCases(n);
    cases.replaceAll(edit);
    return batch(cases);
  }
}
