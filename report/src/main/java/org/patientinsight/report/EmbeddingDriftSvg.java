package org.patientinsight.report;

import org.patientinsight.quality.drift.ClusterShift;
import org.patientinsight.quality.drift.DriftFigures;
import org.patientinsight.quality.drift.EmbeddingDriftReport;

import java.util.List;
import java.util.Locale;

/**
 * The report's embedding-drift section: verdict badge, reasons, figures, and the topic
 * clusters' shares as paired horizontal bars (baseline above batch), each cluster named by its
 * most frequent title words; then which clusters grew and which shrank. Inline SVG, no scripts.
 */
public final class EmbeddingDriftSvg {
  private static final int W = 620;
  private static final int LABEL_W = 250;
  private static final int ROW_H = 26;

  private EmbeddingDriftSvg() {
  }

  public static String renderHtmlSection(EmbeddingDriftReport r) {
    StringBuilder h = new StringBuilder("<section class=\"pi-drift\">\n");
    String colour = r.alert() ? "#c62828" : r.warning() ? "#ef8f00" : r.pinnedFromThisBatch() ? "#607d8b" : "#2e7d32";
    h.append("<h2>Embedding drift vs baseline ").append(Html.esc(r.baselineRef()))
        .append(" <span class=\"badge\" style=\"display:inline-block;padding:2px 8px;border-radius:4px;color:#fff;background:")
        .append(colour).append("\">").append(r.verdict()).append("</span></h2>\n");
    h.append("<ul>");
    r.reasons().forEach(x -> h.append("<li>").append(Html.esc(x)).append("</li>"));
    h.append("</ul>\n<table><tr><th>figure</th><th>value</th></tr>\n");
    row(h, "vectors (baseline sample)", r.nBaseline());
    row(h, "vectors (batch)", r.nBatch());
    row(h, "domain classifier ROC AUC (held out)", DriftFigures.num(r.auc()));
    row(h, "held-out vectors", r.heldOut());
    row(h, "cluster-share PSI", DriftFigures.num(r.clusterPsi()));
    row(h, "mean-vector cosine distance", DriftFigures.num(r.meanCosineDistance()));
    row(h, "largest centroid cosine distance", DriftFigures.num(r.maxCentroidCosineDistance()));
    h.append("</table>\n");
    if (!r.clusters().isEmpty()) {
      h.append(shareBars(r.clusters()));
      List<ClusterShift> moved = EmbeddingDriftReport.moved(r.clusters());
      if (!r.pinnedFromThisBatch() && !moved.isEmpty()) {
        h.append("<p><b>Grew:</b> ").append(names(moved, true)).append(" · <b>Shrank:</b> ")
            .append(names(moved, false)).append("</p>\n");
      }
    }
    return h.append("</section>\n").toString();
  }

  private static String names(List<ClusterShift> moved, boolean grew) {
    List<String> n = moved.stream().filter(c -> grew == c.change() > 0)
        .map(c -> Html.esc(c.label()) + fmt(" (%+.1f pts)", 100 * c.change())).toList();
    return n.isEmpty() ? "none" : String.join(", ", n);
  }

  private static void row(StringBuilder h, String name, Object v) {
    h.append("<tr><td>").append(Html.esc(name)).append("</td><td>").append(DriftSvg.cell(v)).append("</td></tr>\n");
  }

  /** Per cluster two bars: baseline share (blue) and batch share (red), on one 0..max scale. */
  static String shareBars(List<ClusterShift> clusters) {
    double max = 0.05;
    for (ClusterShift c : clusters) {
      max = Math.max(max, Math.max(c.baselineShare(), Double.isNaN(c.batchShare()) ? 0 : c.batchShare()));
    }
    int height = 30 + clusters.size() * ROW_H + 10;
    double plotW = W - LABEL_W - 60;
    StringBuilder s = new StringBuilder(fmt(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
        W, height, W, height));
    s.append("<title>Topic-cluster shares, baseline vs batch</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    s.append("<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"600\">Topic-cluster shares, baseline vs batch</text>");
    s.append(fmt("<rect x=\"%d\" y=\"6\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"15\" font-size=\"11\">baseline</text>",
        W - 150, DriftSvg.BASE_COLOUR, W - 136));
    s.append(fmt("<rect x=\"%d\" y=\"6\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"15\" font-size=\"11\">batch</text>",
        W - 75, DriftSvg.BATCH_COLOUR, W - 61));
    int y = 30;
    for (ClusterShift c : clusters) {
      String label = c.label().length() > 40 ? c.label().substring(0, 39) + "…" : c.label();
      s.append(fmt("<text x=\"4\" y=\"%d\" font-size=\"11\">%s</text>", y + 15, Html.esc(label)));
      bar(s, y + 2, c.baselineShare(), max, plotW, DriftSvg.BASE_COLOUR);
      bar(s, y + 12, Double.isNaN(c.batchShare()) ? 0 : c.batchShare(), max, plotW, DriftSvg.BATCH_COLOUR);
      y += ROW_H;
    }
    return s.append("</svg>\n").toString();
  }

  private static void bar(StringBuilder s, int y, double share, double max, double plotW, String colour) {
    double w = share / max * plotW;
    s.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"9\" fill=\"%s\"/>", LABEL_W, y, w, colour));
    s.append(fmt("<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%.1f%%</text>", LABEL_W + w + 3, y + 8, share * 100));
  }

  private static String fmt(String f, Object... a) {
    return String.format(Locale.ROOT, f, a);
  }
}
