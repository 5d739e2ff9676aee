package org.patientinsight.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientinsight.quality.profile.CaseProfiler;
import org.patientinsight.quality.profile.ColumnProfile;
import org.patientinsight.quality.report.Bin;
import org.patientinsight.quality.report.ReasonCount;
import org.patientinsight.quality.report.ReportSection;
import org.patientinsight.quality.report.ReportStats;
import org.patientinsight.quality.report.ReportStatsCollector;
import org.patientinsight.quality.report.RunCounts;
import org.patientinsight.quality.report.StatsReport;
import org.patientinsight.quality.runs.QualityRunsTable;

/** Acceptance 3 of issue 3: what jobs call exposes no Scala or Deequ type. */
class PublicApiHasNoScalaTypesTest {
  private static final List<Class<?>> API = List.of(QualityGate.class, QualityThresholds.class,
      QualityHistory.class, GateResult.class, GateStatus.class, CheckOutcome.class,
      CheckLevel.class, AnomalyOutcome.class, AnomalyStatus.class, QualityRunsTable.class,
      CaseProfiler.class, ColumnProfile.class, ReportStatsCollector.class, ReportStats.class,
      Bin.class, StatsReport.class, RunCounts.class, ReasonCount.class,
      ReportSection.class);

  @Test
  void publicSignaturesUseOnlyJavaAndSparkTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : API) {
      for (Method m : c.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
          check(leaks, c, m.getName(), m.getGenericReturnType());
          for (Type t : m.getGenericParameterTypes()) {
            check(leaks, c, m.getName(), t);
          }
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (Modifier.isPublic(k.getModifiers())) {
          for (Type t : k.getGenericParameterTypes()) {
            check(leaks, c, "<init>", t);
          }
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isPublic(f.getModifiers())) {
          check(leaks, c, f.getName(), f.getGenericType());
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  private static void check(List<String> leaks, Class<?> c, String member, Type t) {
    String name = t.getTypeName();
    if (name.contains("scala.") || name.contains("com.amazon.deequ")) {
      leaks.add(c.getSimpleName() + "." + member + ": " + name);
    }
  }
}
