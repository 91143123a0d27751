package dev.queuelab.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as a small standalone SVG: one bar per variant, its score and its ratio to the
 * baseline written beside it, the baseline's bar in its own colour. Made here rather than by a plotting
 * tool, so the report needs nothing but a JVM.
 */
public final class BarChart {

    /** One bar. */
    public record Bar(String label, double value, String valueText, String ratioText, boolean baseline) {}

    private static final int LABEL_WIDTH = 220;
    private static final int BAR_WIDTH = 420;
    private static final int ROW = 26;
    private static final int TOP = 48;

    private BarChart() {}

    public static String svg(String title, String unit, List<Bar> bars) {
        double max = bars.stream()
                .mapToDouble(Bar::value)
                .filter(Double::isFinite)
                .max()
                .orElse(1);
        int width = LABEL_WIDTH + BAR_WIDTH + 170;
        int height = TOP + bars.size() * ROW + 16;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n",
                width,
                height,
                width,
                height));
        svg.append(String.format(Locale.ROOT, "  <title>%s (%s)</title>%n", escape(title), escape(unit)));
        svg.append(
                String.format(Locale.ROOT, "  <rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
        svg.append(String.format(
                Locale.ROOT,
                "  <text x=\"8\" y=\"20\" font-weight=\"bold\">%s, %s</text>%n",
                escape(title),
                escape(unit)));
        svg.append(String.format(
                Locale.ROOT,
                "  <text x=\"8\" y=\"38\" font-size=\"11\" fill=\"#555555\">longer is faster;"
                        + " grey: the baseline; in brackets: the ratio to it, from the same run</text>%n"));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = TOP + i * ROW;
            double w = Double.isFinite(b.value()) && max > 0 ? Math.max(1, b.value() / max * BAR_WIDTH) : 0;
            svg.append(String.format(
                    Locale.ROOT,
                    "  <text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8,
                    y + 15,
                    escape(b.label())));
            svg.append(String.format(
                    Locale.ROOT,
                    "  <rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>%n",
                    LABEL_WIDTH,
                    y + 2,
                    w,
                    b.baseline() ? "#8c8c8c" : "#2b6cb0"));
            svg.append(String.format(
                    Locale.ROOT,
                    "  <text x=\"%.1f\" y=\"%d\">%s (%s)</text>%n",
                    LABEL_WIDTH + w + 6,
                    y + 15,
                    escape(b.valueText()),
                    escape(b.ratioText())));
        }
        return svg.append("</svg>\n").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
