package org.patientinsight.jobs.tables;

import org.patientinsight.core.config.WarehouseLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientinsight.contract.CasesTable;
import org.patientinsight.contract.DriftReportsTable;
import org.patientinsight.contract.EmbeddingsTable;
import org.patientinsight.contract.NearDuplicatesTable;
import org.patientinsight.contract.NoteLengthRule;
import org.patientinsight.contract.QualityRunsTable;
import org.patientinsight.contract.QuarantineTable;
import org.patientinsight.contract.VectorSyncTable;
import org.patientinsight.core.config.Settings;
import org.patientinsight.jobs.ingest.InputFormat;
import org.patientinsight.jobs.ingest.RawCaseReader;
import org.patientinsight.jobs.ingest.StagedBatch;
import org.patientinsight.jobs.sample.AgeMix;
import org.patientinsight.jobs.sample.SampleGenerator;
import org.patientinsight.jobs.sample.SampleSpec;
import org.patientinsight.jobs.testing.CliRun;
import org.patientinsight.jobs.testing.RawCsv;
import org.patientinsight.jobs.testing.SharedSpark;

/**
 * The case contract's schemas are the tables a run writes: a pipeline's Delta tables have
 * exactly the declared names, types and order (Delta stores every column nullable), and the
 * layouts are the ones tables written before the contract existed have, so those stay readable
 * and MERGE-able.
 */
class ContractTablesTest {
  static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.get();
  }

  /** The layouts on disk before the contract module (names, types, order), pinned. */
  private static Map<String, String> layoutsBefore() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(CasesTable.NAME, "struct<patient_uid:string,pmid:string,title:string,note:string,age_years:double,"
        + "age_source:string,gender:string,gender_source:string,relevant_articles:map<string,int>,"
        + "similar_patients:map<string,int>,note_chars:int,content_hash:string,source_uri:string,run_id:string,"
        + "ingested_at:timestamp>");
    m.put(QuarantineTable.NAME, "struct<run_id:string,source_uri:string,patient_uid:string,raw_record:string,"
        + "reasons:array<struct<code:string,message:string>>,quarantined_at:timestamp>");
    m.put(QualityRunsTable.NAME, "struct<run_id:string,dataset:string,checked_at:timestamp,status:string,"
        + "blocks_publish:boolean,row_count:bigint,failed_error_checks:array<string>,"
        + "checks:array<struct<name:string,level:string,requirement:string,passed:boolean,observed_value:double,"
        + "observed:string,message:string>>,anomalies:array<struct<name:string,metric:string,strategy:string,"
        + "level:string,status:string,current_value:double,previous_value:double,message:string>>,"
        + "metrics:map<string,double>,profile:array<struct<column:string,data_type:string,completeness:double,"
        + "approx_distinct:bigint,minimum:double,maximum:double,mean:double,std_dev:double>>>");
    m.put(DriftReportsTable.NAME, "struct<run_id:string,created_at:timestamp,scope:string,baseline_ref:string,"
        + "baseline_version:int,baseline_source_version:bigint,n_batch:bigint,n_baseline:bigint,ks_d:double,"
        + "ks_p:double,psi:double,js:double,mean_shift_years:double,median_shift_years:double,"
        + "missing_share_batch:double,missing_share_baseline:double,alert:boolean,warning:boolean,"
        + "reasons:array<string>,report_json:string,wasserstein_norm:double,female_share_change:double,"
        + "age_completeness_change:double,sex_completeness_change:double,domain_auc:double,cluster_psi:double,"
        + "centroid_cosine_max:double>");
    m.put(EmbeddingsTable.NAME, "struct<patient_uid:string,content_hash:string,model_id:string,"
        + "vector:array<float>,tokens:int,embedded_at:timestamp,run_id:string>");
    m.put(VectorSyncTable.NAME, "struct<store:string,patient_uid:string,content_hash:string,model_id:string,"
        + "embedded_at:timestamp,synced_at:timestamp,run_id:string>");
    m.put(NearDuplicatesTable.NAME, "struct<run_id:string,patient_uid_a:string,patient_uid_b:string,"
        + "jaccard:double,detected_at:timestamp>");
    return m;
  }

  private static final Map<String, StructType> CONTRACT = Map.of(
      CasesTable.NAME, CasesTable.SCHEMA,
      QuarantineTable.NAME, QuarantineTable.SCHEMA,
      QualityRunsTable.NAME, QualityRunsTable.SCHEMA,
      DriftReportsTable.NAME, DriftReportsTable.SCHEMA,
      EmbeddingsTable.NAME, EmbeddingsTable.SCHEMA,
      VectorSyncTable.NAME, VectorSyncTable.SCHEMA,
      NearDuplicatesTable.NAME, NearDuplicatesTable.SCHEMA);

  @Test
  void aPipelineWritesEveryTableInTheContractsLayout() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    try (BufferedWriter w = Files.newBufferedWriter(input.resolve("sample.csv"))) {
      SampleGenerator.writeCsv(new SampleSpec(40, 31, 0.05, AgeMix.ADULT_DEFAULT), w);
    }
    dirt().write(input.resolve("dirt.csv"));
    CliRun cli = new CliRun(dir);
    assertEquals("SUCCEEDED", cli.run(0, "pipeline", "c1", "--input", input.toString()).path("status").asText());

    layoutsBefore().forEach((table, before) -> {
      StructType onDisk = spark.read().format("delta").load(WarehouseLayout.of(cli.warehouse().toString()).table(table)).schema();
      assertEquals(before, onDisk.catalogString(), table + " on disk");
      assertEquals(CONTRACT.get(table).catalogString(), onDisk.catalogString(), table + " vs the contract");
    });
  }

  @Test
  void stagingProducesTheContractsSchemasExactly() throws Exception {
    Path file = dirt().write(dir.resolve("dirt.csv"));
    try (StagedBatch b = StagedBatch.stage(new RawCaseReader(spark).read(List.of(file.toString()), InputFormat.CSV),
        NoteLengthRule.from(Settings.defaults()), "r", Timestamp.from(Instant.EPOCH))) {
      assertEquals(CasesTable.SCHEMA, b.cases().schema());
      assertEquals(QuarantineTable.SCHEMA, b.quarantine().schema());
      assertEquals(2, b.caseCount());
      assertEquals(1, b.quarantined());
    }
  }

  /** Two cases with the same note under different uids (a near-duplicate pair) and one empty note. */
  private static RawCsv dirt() {
    String note = RawCsv.note(47, "F", "Copied into a second article with its findings unchanged, "
        + "including the chest radiograph and the course on antibiotics.");
    return new RawCsv()
        .row("9100001-1", note, "[[47.0, 'year']]", "F")
        .row("9100002-1", note, "[[47.0, 'year']]", "F")
        .row("9100003-1", "", "[[47.0, 'year']]", "F");
  }
}
