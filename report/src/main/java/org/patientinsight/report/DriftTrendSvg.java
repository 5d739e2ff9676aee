package org.patientinsight.report;

import org.patientinsight.quality.drift.DriftPolicy;
import org.patientinsight.quality.drift.EmbeddingDriftPolicy;

import java.util.List;
import java.util.Locale;

/**
 * The last N runs' drift figures as one line chart (inline SVG): KS D and PSI of the age
 * distribution and the embedding domain classifier's AUC, oldest run left, with the alert
 * thresholds dashed. A run without a figure (e.g. the pinning run) leaves a gap.
 */
public final class DriftTrendSvg {
  /** One run: NaN for a figure it does not have. */
  public record Point(String runId, double ksD, double psi, double auc) {}

  private static final int W = 640;
  private static final int H = 260;
  private static final int LEFT = 44;
  private static final int RIGHT = 110;
  private static final int TOP = 30;
  private static final int BOTTOM = 50;

  private DriftTrendSvg() {
  }

  public static String render(List<Point> points, DriftPolicy age, EmbeddingDriftPolicy embedding) {
    if (points.isEmpty()) {
      return "<p>No drift reports yet.</p>";
    }
    double top = 1.0;
    for (Point p : points) {
      if (!Double.isNaN(p.psi())) {
        top = Math.max(top, Math.min(3.0, p.psi()));
      }
    }
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    double step = points.size() == 1 ? 0 : plotW / (points.size() - 1);
    StringBuilder s = new StringBuilder(fmt(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
        W, H, W, H));
    s.append("<title>Drift trend, last runs</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    s.append(fmt("<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"600\">Drift over the last %d runs</text>",
        LEFT, points.size()));
    for (int t = 0; t <= 4; t++) {
      double v = top * t / 4;
      double y = TOP + plotH - v / top * plotH;
      s.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>", LEFT, y, LEFT + plotW, y));
      s.append(fmt("<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.2f</text>", LEFT - 4, y + 3, v));
    }
    threshold(s, age.ksDAlert(), top, plotW, plotH, "#4e79a7");
    threshold(s, age.psiAlert(), top, plotW, plotH, "#f28e2b");
    threshold(s, embedding.aucAlert(), top, plotW, plotH, "#59a14f");
    series(s, points, 0, top, step, plotH, "#4e79a7");
    series(s, points, 1, top, step, plotH, "#f28e2b");
    series(s, points, 2, top, step, plotH, "#59a14f");
    for (int i = 0; i < points.size(); i++) {
      double x = LEFT + i * step;
      double y = TOP + plotH + 12;
      String id = points.get(i).runId();
      id = id.length() > 14 ? "…" + id.substring(id.length() - 13) : id;
      s.append(fmt("<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"end\" transform=\"rotate(-30 %.1f %.1f)\">%s</text>",
          x, y, x, y, Html.esc(id)));
    }
    legend(s, 0, "age KS D", "#4e79a7");
    legend(s, 1, "age PSI", "#f28e2b");
    legend(s, 2, "embedding AUC", "#59a14f");
    return s.append("</svg>\n").toString();
  }

  private static void series(StringBuilder s, List<Point> points, int which, double top, double step, double plotH,
      String colour) {
    StringBuilder path = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double v = which == 0 ? p.ksD() : which == 1 ? p.psi() : p.auc();
      if (Double.isNaN(v)) {
        pen = false;
        continue;
      }
      double x = LEFT + i * step;
      double y = TOP + plotH - Math.min(v, top) / top * plotH;
      path.append(pen ? " L" : " M").append(fmt("%.1f %.1f", x, y));
      pen = true;
      s.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %.3f</title></circle>", x, y, colour,
          Html.esc(p.runId()), v));
    }
    if (path.length() > 0) {
      s.append("<path fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" d=\"")
          .append(path.toString().trim()).append("\"/>");
    }
  }

  private static void threshold(StringBuilder s, double v, double top, double plotW, double plotH, String colour) {
    if (v > top) {
      return;
    }
    double y = TOP + plotH - v / top * plotH;
    s.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4 3\" opacity=\"0.6\"/>",
        LEFT, y, LEFT + plotW, y, colour));
  }

  private static void legend(StringBuilder s, int i, String name, String colour) {
    int x = W - RIGHT + 12;
    int y = TOP + 10 + i * 18;
    s.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
        x, y - 9, colour, x + 14, y, Html.esc(name)));
  }

  private static String fmt(String f, Object... a) {
    return String.format(Locale.ROOT, f, a);
  }
}
