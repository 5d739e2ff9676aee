package org.patientinsight.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.jobs.cli.Main;
import org.patientinsight.jobs.testing.LocalS3;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;
import org.patientinsight.jobs.testing.Summaries;

/** Ingest from and into s3a:// against a real S3-compatible server on 127.0.0.1. */
class S3IngestTest {
  static LocalS3 s3;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    SharedSpark.get();
    s3 = new LocalS3();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  /** Runs ingest through the CLI and checks its exit code is the stated one (a literal). */
  private JsonNode run(int expectedExit, String input, String warehouse, String runId, String secret)
      throws Exception {
    Path summary = dir.resolve(runId + ".json");
    List<String> args = new ArrayList<>(List.of("ingest", "--input", input, "--warehouse", warehouse,
        "--run-id", runId, "--summary-json", summary.toString(),
        "--set", "tracking.local_dir=" + dir.resolve("mlruns")));
    for (Map.Entry<String, String> e : s3.sparkConf(secret).entrySet()) {
      args.add("--conf");
      args.add(e.getKey() + "=" + e.getValue());
    }
    int code = Main.run(args.toArray(new String[0]));
    assertTrue(Files.exists(summary), "a summary is written even on failure");
    assertEquals(expectedExit, code, "exit code of ingest from " + input);
    return Summaries.read(summary);
  }

  @Test
  void ingestsFromS3IntoAWarehouseOnS3() throws Exception {
    s3.createBucket("raw-cases");
    s3.createBucket("lake");
    Path local = new RawCsv()
        .row("6000001-1", RawCsv.note(44, "F", "Over S3."), "[[44.0, 'year']]", "F")
        .row("6000001-2", RawCsv.note(9, "M", "Also over S3."), "[[9.0, 'year']]", "M")
        .write(dir.resolve("x.csv"));
    s3.put("raw-cases", "drops/2026/11/cases batch 1.csv", Files.readString(local));

    JsonNode s = run(0, "s3a://raw-cases/drops/2026/11/", "s3a://lake/warehouse", "s3-1", LocalS3.SECRET_KEY);
    assertEquals("SUCCEEDED", s.path("status").asText(), s.toString());
    assertEquals(2, Summaries.count(s, "inserted"));
    assertTrue(s3.exists("lake", "warehouse/runs/s3-1.json"), "summary written to S3");
    assertTrue(s3.client().listObjectsV2("lake", "warehouse/cases/_delta_log/").getKeyCount() > 0,
        "cases is a Delta table on S3");

    JsonNode again = run(0, "s3a://raw-cases/drops/2026/11/*.csv", "s3a://lake/warehouse", "s3-2",
        LocalS3.SECRET_KEY);
    assertEquals("SUCCEEDED", again.path("status").asText(), again.toString());
    assertEquals(0, Summaries.count(again, "inserted"));
    assertEquals(2, Summaries.count(again, "unchanged"));
  }

  @Test
  void missingBucketOrKeyOrBadCredentialsGiveClearErrors() throws Exception {
    s3.createBucket("present");
    String wh = dir.resolve("wh").toString();

    JsonNode noBucket = run(1, "s3a://no-such-bucket/cases.csv", wh, "s3-nb", LocalS3.SECRET_KEY);
    assertEquals("FAILED", noBucket.path("status").asText());
    String e1 = noBucket.path("error").asText();
    assertEquals("input not found: the bucket of s3a://no-such-bucket/cases.csv does not exist", e1);

    JsonNode noKey = run(1, "s3a://present/missing.csv", wh, "s3-nk", LocalS3.SECRET_KEY);
    assertEquals("FAILED", noKey.path("status").asText());
    assertTrue(noKey.path("error").asText().contains("input not found: s3a://present/missing.csv"),
        noKey.path("error").asText());

    s3.put("present", "cases.csv", RawCsv.HEADER + "\n");
    JsonNode badCreds = run(1, "s3a://present/cases.csv", wh, "s3-bc", "wrong-secret");
    assertEquals("FAILED", badCreds.path("status").asText());
    String e3 = badCreds.path("error").asText();
    assertEquals("access denied reading s3a://present/cases.csv (check the S3 credentials and permissions)", e3);
  }

  @Test
  void aBigFileOnS3IsReadInRangedSplitsWithTheSameRowsAsLocally() throws Exception {
    s3.createBucket("release");
    Path sample = SplitFileReaderTest.SAMPLE;
    s3.client().putObject("release", "PMC-Patients.csv", sample.toFile());
    org.apache.hadoop.conf.Configuration conf = SharedSpark.get().sparkContext().hadoopConfiguration();
    s3.sparkConf(LocalS3.SECRET_KEY).forEach((k, v) -> conf.set(k.substring("spark.hadoop.".length()), v));
    RawCaseReader reader = new RawCaseReader(SharedSpark.get(), 512 << 10);
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> remote =
        reader.read(List.of("s3a://release/PMC-Patients.csv"), InputFormat.CSV);
    assertTrue(remote.rdd().getNumPartitions() >= 9, "a 4.9 MB object in 512 KiB ranged reads");
    List<String> fromS3 = SplitFileReaderTest.rowsWithoutSource(remote);
    List<String> local = SplitFileReaderTest.rowsWithoutSource(
        reader.read(List.of(sample.toString()), InputFormat.CSV));
    assertEquals(local, fromS3);
  }
}
