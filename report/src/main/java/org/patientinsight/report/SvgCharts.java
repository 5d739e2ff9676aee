package org.patientinsight.report;

import static org.patientinsight.report.Numbers.compact;
import static org.patientinsight.report.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** Inline SVG charts (no scripts, no external resources) for the HTML report. */
final class SvgCharts {
  /**
   * One bar or segment.
   *
   * @param label full name (tooltip, legend)
   * @param tick short axis label under a column (null: no label under this column)
   */
  record Bar(String label, double value, String color, String tick) {
    Bar(String label, double value, String color) {
      this(label, value, color, label);
    }
  }

  private SvgCharts() {}

  /** Vertical bars with a y axis, grid lines and axis titles. */
  static String columns(List<Bar> bars, int width, int height, String xTitle, String yTitle) {
    int padL = 56;
    int padR = 12;
    int padT = 18;
    int padB = 54;
    double plotW = width - padL - padR;
    double plotH = height - padT - padB;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    double step = niceStep(Math.max(max, 1) / 4);
    double top = Math.max(step * Math.ceil(Math.max(max, 1) / step), step);
    StringBuilder s = open(width, height, yTitle + " by " + xTitle);
    for (double t = 0; t <= top + step / 2; t += step) {
      double y = padT + plotH - t / top * plotH;
      s.append(line(padL, y, width - padR, y, t == 0 ? "axis" : "grid"));
      s.append(text(padL - 8, y + 4, compact(t), "tick", "end"));
    }
    double slot = plotW / Math.max(bars.size(), 1);
    double barW = Math.max(slot * 0.78, 1);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double h = b.value() / top * plotH;
      double x = padL + i * slot + (slot - barW) / 2;
      double y = padT + plotH - h;
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" fill=\"%s\">"
              + "<title>%s: %s</title></rect>",
          x, y, barW, Math.max(h, 0), b.color(), esc(b.label()), compact(b.value())));
      if (b.value() > 0 && slot >= 26) {
        s.append(text(x + barW / 2, y - 4, compact(b.value()), "value", "middle"));
      }
      if (b.tick() != null) {
        s.append(text(x + barW / 2, padT + plotH + 16, b.tick(), "tick", "middle"));
      }
    }
    s.append(text(padL + plotW / 2, height - 8, xTitle, "axis-title", "middle"));
    s.append(String.format(Locale.ROOT,
        "<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(14 %.1f) "
            + "rotate(-90)\">%s</text>", padT + plotH / 2, esc(yTitle)));
    return s.append("</svg>").toString();
  }

  /**
   * Horizontal bars, one row per item, value printed at the bar's end.
   *
   * @param max the value a full-width bar stands for (e.g. 1.0 for shares)
   */
  static String rows(List<Bar> bars, int width, double max, DoubleFunction<String> format) {
    int longest = bars.stream().mapToInt(b -> b.label().length()).max().orElse(10);
    int labelW = Math.max(110, Math.min(240, longest * 7 + 14));
    int valueW = 64;
    int rowH = 26;
    int height = Math.max(bars.size(), 1) * rowH + 6;
    double plotW = width - labelW - valueW;
    double domain = max > 0 ? max : 1;
    StringBuilder s = open(width, height, "bars");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = 4 + i * rowH;
      double w = Math.max(0, Math.min(b.value() / domain, 1)) * plotW;
      s.append(text(labelW - 10, y + 15, b.label(), "label", "end"));
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" rx=\"3\" fill=\"#eef1f6\"/>",
          labelW, y + 2, plotW));
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" rx=\"3\" fill=\"%s\">"
              + "<title>%s: %s</title></rect>",
          labelW, y + 2, w, b.color(), esc(b.label()), esc(format.apply(b.value()))));
      s.append(text(labelW + plotW + 8, y + 15, format.apply(b.value()), "value", "start"));
    }
    return s.append("</svg>").toString();
  }

  /**
   * One bar split into coloured segments, labelled inside where they fit.
   *
   * @param id unique within the page (names the clip path)
   */
  static String stacked(List<Bar> segments, int width, String id) {
    int height = 30;
    double total = segments.stream().mapToDouble(Bar::value).sum();
    StringBuilder s = open(width, height, "split");
    s.append(String.format(Locale.ROOT,
        "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"#eef1f6\"/>", width,
        height));
    if (total <= 0) {
      s.append(text(width / 2.0, 19, "no rows", "value", "middle"));
      return s.append("</svg>").toString();
    }
    s.append("<clipPath id=\"clip-").append(id).append("\"><rect width=\"").append(width)
        .append("\" height=\"").append(height).append("\" rx=\"6\"/></clipPath>");
    s.append("<g clip-path=\"url(#clip-").append(id).append(")\">");
    double x = 0;
    for (Bar b : segments) {
      double w = b.value() / total * width;
      if (w <= 0) {
        continue;
      }
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s"
              + "</title></rect>",
          x, w, height, b.color(), esc(b.label()), compact(b.value())));
      String label = Numbers.percent(b.value() / total);
      if (w >= 48) {
        s.append(text(x + w / 2, 19.5, label, "inside", "middle"));
      }
      x += w;
    }
    return s.append("</g></svg>").toString();
  }

  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return Math.max(nice * p, 1);
  }

  private static StringBuilder open(int width, int height, String label) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" "
            + "role=\"img\" aria-label=\"%s\">", width, height, esc(label)));
  }

  private static String line(double x1, double y1, double x2, double y2, String cls) {
    return String.format(Locale.ROOT,
        "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", cls, x1, y1, x2,
        y2);
  }

  private static String text(double x, double y, String t, String cls, String anchor) {
    return String.format(Locale.ROOT,
        "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", cls, x, y,
        anchor, esc(t));
  }
}
