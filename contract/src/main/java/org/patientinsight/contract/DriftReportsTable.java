package org.patientinsight.contract;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code drift_reports}: one row per drift comparison (appended, no key): the age drift of a
 * batch or the table (scope {@code batch} / {@code table}) or the embedding drift (scope
 * {@link #SCOPE_EMBEDDING}); the figures a comparison does not compute are null.
 */
public final class DriftReportsTable {
  private DriftReportsTable() {}

  public static final String NAME = "drift_reports";

  public static final String RUN_ID = CasesTable.RUN_ID;
  public static final String CREATED_AT = "created_at";
  public static final String SCOPE = "scope";
  public static final String BASELINE_REF = "baseline_ref";
  public static final String BASELINE_VERSION = "baseline_version";
  public static final String BASELINE_SOURCE_VERSION = "baseline_source_version";
  public static final String N_BATCH = "n_batch";
  public static final String N_BASELINE = "n_baseline";
  public static final String KS_D = "ks_d";
  public static final String KS_P = "ks_p";
  public static final String PSI = "psi";
  public static final String JS = "js";
  public static final String MEAN_SHIFT_YEARS = "mean_shift_years";
  public static final String MEDIAN_SHIFT_YEARS = "median_shift_years";
  public static final String MISSING_SHARE_BATCH = "missing_share_batch";
  public static final String MISSING_SHARE_BASELINE = "missing_share_baseline";
  public static final String ALERT = "alert";
  public static final String WARNING = "warning";
  public static final String REASONS = "reasons";
  public static final String REPORT_JSON = "report_json";
  public static final String WASSERSTEIN_NORM = "wasserstein_norm";
  public static final String FEMALE_SHARE_CHANGE = "female_share_change";
  public static final String AGE_COMPLETENESS_CHANGE = "age_completeness_change";
  public static final String SEX_COMPLETENESS_CHANGE = "sex_completeness_change";
  public static final String DOMAIN_AUC = "domain_auc";
  public static final String CLUSTER_PSI = "cluster_psi";
  public static final String CENTROID_COSINE_MAX = "centroid_cosine_max";

  /** The scope of an embedding-drift row (the age rows say batch or table). */
  public static final String SCOPE_EMBEDDING = "embedding";

  public static final StructType SCHEMA = new StructType()
      .add(RUN_ID, DataTypes.StringType, false)
      .add(CREATED_AT, DataTypes.TimestampType, false)
      .add(SCOPE, DataTypes.StringType, false)
      .add(BASELINE_REF, DataTypes.StringType, false)
      .add(BASELINE_VERSION, DataTypes.IntegerType, false)
      .add(BASELINE_SOURCE_VERSION, DataTypes.LongType, false)
      .add(N_BATCH, DataTypes.LongType, true)
      .add(N_BASELINE, DataTypes.LongType, true)
      .add(KS_D, DataTypes.DoubleType, true)
      .add(KS_P, DataTypes.DoubleType, true)
      .add(PSI, DataTypes.DoubleType, true)
      .add(JS, DataTypes.DoubleType, true)
      .add(MEAN_SHIFT_YEARS, DataTypes.DoubleType, true)
      .add(MEDIAN_SHIFT_YEARS, DataTypes.DoubleType, true)
      .add(MISSING_SHARE_BATCH, DataTypes.DoubleType, true)
      .add(MISSING_SHARE_BASELINE, DataTypes.DoubleType, true)
      .add(ALERT, DataTypes.BooleanType, false)
      .add(WARNING, DataTypes.BooleanType, false)
      .add(REASONS, DataTypes.createArrayType(DataTypes.StringType), false)
      .add(REPORT_JSON, DataTypes.StringType, false)
      // added with issue 17 (older tables gain them through mergeSchema; null in old rows)
      .add(WASSERSTEIN_NORM, DataTypes.DoubleType, true)
      .add(FEMALE_SHARE_CHANGE, DataTypes.DoubleType, true)
      .add(AGE_COMPLETENESS_CHANGE, DataTypes.DoubleType, true)
      .add(SEX_COMPLETENESS_CHANGE, DataTypes.DoubleType, true)
      .add(DOMAIN_AUC, DataTypes.DoubleType, true)
      .add(CLUSTER_PSI, DataTypes.DoubleType, true)
      .add(CENTROID_COSINE_MAX, DataTypes.DoubleType, true);
}
