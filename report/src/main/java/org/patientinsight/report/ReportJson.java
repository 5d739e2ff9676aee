package org.patientinsight.report;

import org.patientinsight.quality.report.Bin;
import org.patientinsight.quality.report.ReportStatsCollector;
import org.patientinsight.quality.report.RunCounts;
import org.patientinsight.quality.report.StatsReport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.patientinsight.quality.AnomalyOutcome;
import org.patientinsight.quality.CheckOutcome;
import org.patientinsight.quality.GateResult;
import org.patientinsight.quality.profile.ColumnProfile;

/** {@code report.json}: the report's content with stable, snake_case keys. */
final class ReportJson {
  /** Top-level sections, always present (null or empty when not applicable). */
  static final List<String> SECTIONS = List.of("run", "counts", "gate", "checks", "anomalies",
      "metrics", "age_histogram", "sex_split", "note_length", "completeness",
      "demographic_sources", "quarantine_reasons", "profile", "extra_sections");

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  static String render(StatsReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode run = root.putObject("run");
    run.put("run_id", r.runId());
    run.put("dataset", r.dataset());
    run.put("generated_at", r.generatedAt().toString());
    run.put("rows_checked", r.stats().rows());
    counts(root, r.counts());
    gate(root, r.gate());
    ObjectNode age = root.putObject("age_histogram");
    age.put("bin_years", ReportStatsCollector.AGE_BIN_YEARS);
    age.set("bins", bins(r.stats().ageBins()));
    age.put("unknown", r.stats().ageUnknown());
    age.put("out_of_range", r.stats().ageOutOfRange());
    age.put("mean", r.stats().ageMean());
    age.put("median", r.stats().ageMedian());
    root.set("sex_split", longs(r.stats().sexSplit()));
    ObjectNode notes = root.putObject("note_length");
    notes.set("bins", bins(r.stats().noteLengthBins()));
    notes.put("median_chars", r.stats().noteMedianChars());
    notes.put("p90_chars", r.stats().noteP90Chars());
    ObjectNode completeness = root.putObject("completeness");
    r.stats().completeness().forEach(completeness::put);
    ObjectNode sources = root.putObject("demographic_sources");
    sources.set("age", longs(r.stats().ageSources()));
    sources.set("gender", longs(r.stats().genderSources()));
    ArrayNode reasons = root.putArray("quarantine_reasons");
    r.quarantineReasons().forEach(q -> reasons.addObject().put("code", q.code())
        .put("count", q.count()));
    ArrayNode profile = root.putArray("profile");
    for (ColumnProfile p : r.profile()) {
      ObjectNode o = profile.addObject();
      o.put("column", p.column());
      o.put("data_type", p.dataType());
      o.put("completeness", p.completeness());
      o.put("approx_distinct", p.approxDistinct());
      o.put("minimum", p.minimum());
      o.put("maximum", p.maximum());
      o.put("mean", p.mean());
      o.put("std_dev", p.stdDev());
      o.set("histogram", longs(p.histogram()));
    }
    ArrayNode extra = root.putArray("extra_sections");
    r.extraSections().forEach(s -> {
      ObjectNode o = extra.addObject();
      o.put("title", s.title());
      o.set("data", s.json());
    });
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report.json: " + e.getMessage(), e);
    }
  }

  private static void counts(ObjectNode root, RunCounts c) {
    if (c == null) {
      root.putNull("counts");
      return;
    }
    ObjectNode o = root.putObject("counts");
    o.put("read", c.read());
    o.put("inserted", c.inserted());
    o.put("updated", c.updated());
    o.put("unchanged", c.unchanged());
    o.put("quarantined", c.quarantined());
    o.put("superseded", c.superseded());
    o.put("published", c.published());
    o.put("balances", c.balances());
    o.put("reconciliation", c.reconciliationLine());
  }

  private static void gate(ObjectNode root, GateResult g) {
    ArrayNode checks = MAPPER.createArrayNode();
    ArrayNode anomalies = MAPPER.createArrayNode();
    ObjectNode metrics = MAPPER.createObjectNode();
    if (g == null) {
      root.putNull("gate");
    } else {
      ObjectNode o = root.putObject("gate");
      o.put("status", g.status().name());
      o.put("blocks_publish", g.blocksPublish());
      o.put("checked_at", g.checkedAt().toString());
      o.put("rows", g.rowCount());
      ArrayNode failed = o.putArray("failed_error_checks");
      g.failedErrorChecks().forEach(c -> failed.add(c.name()));
      for (CheckOutcome c : g.checks()) {
        ObjectNode n = checks.addObject();
        n.put("name", c.name());
        n.put("level", c.level().name());
        n.put("requirement", c.requirement());
        n.put("passed", c.passed());
        n.put("observed_value", c.observedValue());
        n.put("observed", c.observed());
        n.put("message", c.message());
        n.put("constraint", c.constraint());
      }
      for (AnomalyOutcome a : g.anomalies()) {
        ObjectNode n = anomalies.addObject();
        n.put("name", a.name());
        n.put("metric", a.metric());
        n.put("strategy", a.strategy());
        n.put("level", a.level().name());
        n.put("status", a.status().name());
        n.put("current_value", a.currentValue());
        n.put("previous_value", a.previousValue());
        n.put("message", a.message());
      }
      g.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> metrics.put(e.getKey(), e.getValue()));
    }
    root.set("checks", checks);
    root.set("anomalies", anomalies);
    root.set("metrics", metrics);
  }

  private static ArrayNode bins(List<Bin> bins) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Bin b : bins) {
      ObjectNode o = a.addObject();
      o.put("label", b.label());
      o.put("lower", b.lower());
      if (Double.isInfinite(b.upper())) {
        o.putNull("upper");
      } else {
        o.put("upper", b.upper());
      }
      o.put("count", b.count());
    }
    return a;
  }

  private static ObjectNode longs(Map<String, Long> m) {
    ObjectNode o = MAPPER.createObjectNode();
    m.forEach(o::put);
    return o;
  }
}
