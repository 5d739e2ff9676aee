package org.patientinsight.report;

import static org.patientinsight.report.Html.esc;

import org.patientinsight.quality.drift.AgeBins;
import org.patientinsight.quality.drift.AgeHistogram;
import org.patientinsight.quality.drift.DemographicShift;
import org.patientinsight.quality.drift.DriftFigures;
import org.patientinsight.quality.drift.DriftReport;
import org.patientinsight.quality.drift.PsiBands;
import org.patientinsight.quality.drift.Wasserstein;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML section (inline SVG and CSS, no scripts, no external resources) showing
 * baseline vs batch: the age-band shares as side-by-side bars and the two ECDFs overlaid with
 * the KS gap marked, above a table of the figures overall and per sex.
 */
public final class DriftSvg {
  static final String BASE_COLOUR = "#4e79a7";
  static final String BATCH_COLOUR = "#e15759";
  private static final int W = 560;
  private static final int H = 300;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 34;
  private static final int BOTTOM = 64;

  private DriftSvg() {
  }

  public static String renderHtmlSection(DriftReport report, AgeHistogram baseline, AgeHistogram batch) {
    StringBuilder h = new StringBuilder();
    h.append("<section class=\"pi-drift\">\n<style>")
        .append(".pi-drift{font-family:system-ui,sans-serif;color:#222}")
        .append(".pi-drift table{border-collapse:collapse;margin:8px 0}")
        .append(".pi-drift th,.pi-drift td{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:13px}")
        .append(".pi-drift th:first-child,.pi-drift td:first-child{text-align:left}")
        .append(".pi-drift .badge{display:inline-block;padding:2px 8px;border-radius:4px;color:#fff;font-weight:600}")
        .append(".pi-drift .charts{display:flex;flex-wrap:wrap;gap:16px}")
        .append("</style>\n");
    String status = report.verdict();
    String colour = report.alert() ? "#c62828" : report.warning() ? "#ef8f00"
        : report.pinnedFromThisBatch() ? "#607d8b" : "#2e7d32";
    h.append("<h2>Age drift vs baseline ").append(esc(report.baseline().ref())).append(" <span class=\"badge\" style=\"background:")
        .append(colour).append("\">").append(status).append("</span></h2>\n");
    h.append("<p>Compared: ").append(esc(report.scope())).append(" · baseline from ")
        .append(esc(report.baseline().sourceTable())).append(" version ").append(report.baseline().sourceVersion())
        .append(", created ").append(esc(report.baseline().createdAt().toString())).append("</p>\n");
    h.append("<ul>");
    for (String r : report.reasons()) {
      h.append("<li>").append(esc(r)).append("</li>");
    }
    h.append("</ul>\n");
    if (report.pinnedFromThisBatch()) {
      h.append("<p><b>").append(esc(DriftReport.PINNED_NOW)).append("</b>: the next batch is compared with it.</p>")
          .append("<div class=\"charts\">").append(bandBars(PsiBands.shares(PsiBands.counts(batch)),
              PsiBands.shares(PsiBands.counts(batch)))).append("</div>\n</section>\n");
      return h.toString();
    }
    h.append("<p>Age test: <b>").append(esc(report.policy().ageTest(report.overall())))
        .append("</b> (Wasserstein / sd above ").append(report.policy().wassersteinMinRows())
        .append(" baseline ages, KS D at or below)</p>\n");
    figuresTable(h, report);
    demographicsTable(h, report.demographics());
    h.append("<div class=\"charts\">\n");
    h.append(bandBars(PsiBands.shares(PsiBands.counts(baseline)), PsiBands.shares(PsiBands.counts(batch))));
    h.append(ecdf(baseline, batch));
    h.append("</div>\n</section>\n");
    return h.toString();
  }

  private static void figuresTable(StringBuilder h, DriftReport r) {
    Map<String, DriftFigures> cols = new java.util.LinkedHashMap<>();
    cols.put("overall", r.overall());
    cols.putAll(r.perSex());
    h.append("<table><tr><th>figure</th>");
    cols.keySet().forEach(k -> h.append("<th>").append(esc(k)).append("</th>"));
    h.append("</tr>\n");
    for (String key : List.of("n_baseline", "n_batch", "ks_d", "ks_p", "psi", "js", "mean_baseline_years",
        "mean_batch_years", "mean_shift_years", "mean_shift_pct", "median_baseline_years", "median_batch_years",
        "median_shift_years", "missing_share_baseline", "missing_share_batch", "wasserstein_years",
        "wasserstein_norm", "std_baseline_years")) {
      h.append("<tr><td>").append(key).append("</td>");
      for (DriftFigures f : cols.values()) {
        h.append("<td>").append(cell(f.toMap().get(key))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void demographicsTable(StringBuilder h, DemographicShift d) {
    h.append("<table><tr><th>demographics</th><th>baseline</th><th>batch</th></tr>\n");
    row(h, "female share (known sex)", d.femaleShareBaseline(), d.femaleShareBatch());
    row(h, "age completeness", d.ageCompletenessBaseline(), d.ageCompletenessBatch());
    row(h, "sex completeness", d.sexCompletenessBaseline(), d.sexCompletenessBatch());
    h.append("</table>\n");
  }

  private static void row(StringBuilder h, String name, double a, double b) {
    h.append("<tr><td>").append(esc(name)).append("</td><td>").append(cell(DriftFigures.num(a))).append("</td><td>")
        .append(cell(DriftFigures.num(b))).append("</td></tr>\n");
  }

  static String cell(Object v) {
    if (v == null) {
      return "–";
    }
    if (v instanceof Double d) {
      return Numbers.figure(d);
    }
    return esc(String.valueOf(v));
  }

  /** Side-by-side bars of band shares (percent), baseline left, batch right. */
  static String bandBars(double[] base, double[] batch) {
    List<String> labels = PsiBands.labels();
    double max = 0;
    for (int i = 0; i < base.length; i++) {
      max = Math.max(max, Math.max(base[i], batch[i]));
    }
    double top = Math.max(0.05, Math.ceil(max * 20) / 20); // next 5 %
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    double gw = plotW / base.length;
    StringBuilder s = svgOpen("Age band shares, baseline vs batch");
    for (int t = 0; t <= 4; t++) {
      double v = top * t / 4;
      double y = TOP + plotH - v / top * plotH;
      s.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>", LEFT, y, W - RIGHT, y));
      s.append(fmt("<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.0f%%</text>", LEFT - 4, y + 3, v * 100));
    }
    for (int i = 0; i < base.length; i++) {
      double x0 = LEFT + i * gw;
      bar(s, x0 + gw * 0.1, gw * 0.4, base[i], top, plotH, BASE_COLOUR, labels.get(i), "baseline");
      bar(s, x0 + gw * 0.5, gw * 0.4, batch[i], top, plotH, BATCH_COLOUR, labels.get(i), "batch");
      double lx = x0 + gw / 2;
      double ly = TOP + plotH + 12;
      s.append(fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-40 %.1f %.1f)\">%s</text>",
          lx, ly, lx, ly, esc(labels.get(i))));
    }
    axes(s, "age band (years)", "share of cases (%)");
    legend(s);
    return s.append("</svg>\n").toString();
  }

  private static void bar(StringBuilder s, double x, double w, double share, double top, double plotH, String colour,
      String band, String who) {
    double h = share / top * plotH;
    s.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %.1f%%</title></rect>",
        x, TOP + plotH - h, w, h, colour, who, esc(band), share * 100));
  }

  /** Both ECDFs as lines through the bin upper edges, with the largest gap (KS D) marked. */
  static String ecdf(AgeHistogram base, AgeHistogram batch) {
    StringBuilder s = svgOpen("Empirical CDF of age, baseline vs batch");
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    for (int t = 0; t <= 4; t++) {
      double y = TOP + plotH - t / 4.0 * plotH;
      s.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>", LEFT, y, W - RIGHT, y));
      s.append(fmt("<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.2f</text>", LEFT - 4, y + 3, t / 4.0));
    }
    for (int a = 0; a <= 120; a += 20) {
      double x = LEFT + a / AgeBins.MAX_AGE * plotW;
      s.append(fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%d</text>", x, TOP + plotH + 14, a));
    }
    double[] fa = base.cdf();
    double[] fb = batch.cdf();
    if (base.count() > 0 && batch.count() > 0) {
      AgeBins bins = base.bins();
      s.append(polyline(fa, bins, plotW, plotH, BASE_COLOUR));
      s.append(polyline(fb, bins, plotW, plotH, BATCH_COLOUR));
      int at = 0;
      for (int i = 0; i < bins.regularBins(); i++) {
        if (Math.abs(fa[i] - fb[i]) > Math.abs(fa[at] - fb[at])) {
          at = i;
        }
      }
      double x = LEFT + bins.upperEdge(at) / AgeBins.MAX_AGE * plotW;
      double y1 = TOP + plotH - fa[at] * plotH;
      double y2 = TOP + plotH - fb[at] * plotH;
      s.append(fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\" stroke-dasharray=\"4 3\"/>",
          x, y1, x, y2));
      s.append(fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">D = %.3f at %.2f y</text>", x + 5,
          (y1 + y2) / 2 + 4, Math.abs(fa[at] - fb[at]), bins.upperEdge(at)));
    } else {
      s.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"12\">no ages on one side</text>", LEFT + 20, TOP + 40));
    }
    axes(s, "age (years)", "share of cases with age < x");
    legend(s);
    return s.append("</svg>\n").toString();
  }

  private static String polyline(double[] f, AgeBins bins, double plotW, double plotH, String colour) {
    StringBuilder p = new StringBuilder(fmt("%.1f,%.1f", (double) LEFT, TOP + plotH));
    for (int i = 0; i < bins.regularBins(); i++) {
      p.append(fmt(" %.1f,%.1f", LEFT + bins.upperEdge(i) / AgeBins.MAX_AGE * plotW, TOP + plotH - f[i] * plotH));
    }
    return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"" + p + "\"/>";
  }

  private static StringBuilder svgOpen(String title) {
    StringBuilder s = new StringBuilder();
    s.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
        W, H, W, H));
    s.append("<title>").append(esc(title)).append("</title>");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    s.append(fmt("<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"600\">%s</text>", LEFT, esc(title)));
    return s;
  }

  private static void axes(StringBuilder s, String xLabel, String yLabel) {
    int x0 = LEFT;
    int y0 = H - BOTTOM;
    s.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", x0, y0, W - RIGHT, y0));
    s.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>", x0, TOP, x0, y0));
    s.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
        LEFT + (W - LEFT - RIGHT) / 2, H - 6, esc(xLabel)));
    s.append(fmt("<text x=\"14\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
        TOP + (y0 - TOP) / 2, TOP + (y0 - TOP) / 2, esc(yLabel)));
  }

  private static void legend(StringBuilder s) {
    int x = W - RIGHT - 150;
    s.append(fmt("<rect x=\"%d\" y=\"8\" width=\"10\" height=\"10\" fill=\"%s\"/>", x, BASE_COLOUR));
    s.append(fmt("<text x=\"%d\" y=\"17\" font-size=\"11\">baseline</text>", x + 14));
    s.append(fmt("<rect x=\"%d\" y=\"8\" width=\"10\" height=\"10\" fill=\"%s\"/>", x + 75, BATCH_COLOUR));
    s.append(fmt("<text x=\"%d\" y=\"17\" font-size=\"11\">batch</text>", x + 89));
  }

  private static String fmt(String f, Object... a) {
    return String.format(Locale.ROOT, f, a);
  }
}
