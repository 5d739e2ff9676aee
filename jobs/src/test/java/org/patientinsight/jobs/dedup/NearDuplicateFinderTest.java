package org.patientinsight.jobs.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.patientinsight.jobs.sample.AgeMix;
import org.patientinsight.jobs.sample.SampleCase;
import org.patientinsight.jobs.sample.SampleGenerator;
import org.patientinsight.jobs.sample.SampleSpec;
import org.patientinsight.jobs.testing.SharedSpark;

/**
 * Planted near-duplicates among generated case notes: 40 copies of existing notes, each with
 * up to 5 % of its words replaced, under new uids. The finder must recover ≥ 95 % of them and
 * report at most 1 % false pairs.
 */
class NearDuplicateFinderTest {
  static final StructType SCHEMA = new StructType()
      .add("patient_uid", DataTypes.StringType).add("note", DataTypes.StringType).add("probe", DataTypes.BooleanType);

  /** The note with {@code share} of its words replaced by other words (seeded). */
  static String edit(String note, double share, Random r) {
    String[] w = note.split(" ");
    int changes = (int) Math.floor(w.length * share);
    for (int i = 0; i < changes; i++) {
      w[r.nextInt(w.length)] = "edit" + r.nextInt(100_000);
    }
    return String.join(" ", w);
  }

  @Test
  void findsPlantedNearDuplicatesAndFewFalsePairs() {
    SparkSession spark = SharedSpark.get();
    List<Row> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Iterator<SampleCase> it = SampleGenerator.cases(new SampleSpec(400, 21, 0.0, AgeMix.ADULT_DEFAULT));
    while (it.hasNext()) {
      SampleCase c = it.next();
      rows.add(RowFactory.create(c.patientUid(), c.patient(), true));
      notes.add(c.patient());
    }
    Random r = new Random(5);
    Set<String> planted = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      int src = i * 10;
      String uid = "copy-" + i;
      rows.add(RowFactory.create(uid, edit(notes.get(src), 0.05, r), true));
      String a = (String) rows.get(src).get(0);
      planted.add(a.compareTo(uid) < 0 ? a + "|" + uid : uid + "|" + a);
    }
    rows.add(RowFactory.create("no-note", null, true)); // left out, not a crash
    rows.add(RowFactory.create("short", "fever", true)); // fewer words than a shingle

    List<Row> found = new NearDuplicateFinder(12, 3, 0.6, 17)
        .pairs(NoteShingles.of(spark.createDataFrame(rows, SCHEMA), "note", 3)).collectAsList();
    Set<String> keys = new HashSet<>();
    for (Row f : found) {
      assertTrue(f.getString(0).compareTo(f.getString(1)) < 0, "unordered pairs, a < b");
      assertTrue(f.getDouble(2) >= 0.6);
      keys.add(f.getString(0) + "|" + f.getString(1));
    }
    assertEquals(found.size(), keys.size(), "each pair once");
    long hits = planted.stream().filter(keys::contains).count();
    long falsePairs = keys.stream().filter(k -> !planted.contains(k)).count();
    double recall = hits / (double) planted.size();
    System.out.printf("near-duplicates: recall %.3f (%d/%d), false pairs %d of %d found%n", recall, hits,
        planted.size(), falsePairs, keys.size());
    assertTrue(recall >= 0.95, "recall " + recall);
    assertTrue(falsePairs <= 0.01 * Math.max(keys.size(), 100), "false pairs " + falsePairs + " of " + keys.size());
  }

  @Test
  void shinglesAreSetsOfWordRuns() {
    int[] a = ShingleHasher.of("The patient, a 45-year-old man, had fever.", 3, 1 << 20);
    // words: the patient a 45 year old man had fever -> 9 words, 7 shingles
    assertEquals(7, a.length);
    assertTrue(java.util.stream.IntStream.range(1, a.length).allMatch(i -> a[i] > a[i - 1]), "sorted, distinct");
    assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(
        ShingleHasher.of("THE PATIENT a 45 year  old man had fever", 3, 1 << 20)), "case and punctuation do not matter");
    assertEquals(0, ShingleHasher.of("two words", 3, 1 << 20).length);
    assertEquals(0, ShingleHasher.of(null, 3, 1 << 20).length);
    assertEquals(1, ShingleHasher.of("fever fever fever fever", 3, 1 << 20).length, "a set, not counts");
  }

  @Test
  void bandKeysAndJaccardAreExact() {
    assertEquals(2.0 / 5, BandKeys.jaccard(new int[] {1, 2, 3}, new int[] {2, 3, 4, 5}), 1e-12);
    assertEquals(1.0, BandKeys.jaccard(new int[] {7}, new int[] {7}), 0);
    assertEquals(0.0, BandKeys.jaccard(new int[] {}, new int[] {}), 0);
    double[] h = {1, 2, 3, 4, 5, 6};
    long[] k = BandKeys.of(h, 2, 3);
    assertEquals(2, k.length);
    assertTrue(k[0] != k[1], "band index is mixed in");
    double[] g = {1, 2, 3, 9, 5, 6};
    assertEquals(k[0], BandKeys.of(g, 2, 3)[0], "same band values, same key");
    assertTrue(k[1] != BandKeys.of(g, 2, 3)[1]);
    assertTrue(BandKeys.candidateProbability(0.74, 12, 3) > 0.99);
    assertTrue(BandKeys.candidateProbability(0.02, 12, 3) < 1e-3);
  }
}
