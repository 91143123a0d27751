package dev.queuelab.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one run's JMH results into Markdown tables and SVG charts: per benchmark, each variant's score
 * with JMH's error and its ratio to the baseline <em>of the same run</em> (machines are noisy; only ratios
 * travel), the counters that show a fast result is also a right one, and the goals each ratio is held to.
 */
public final class Report {

    /** The Markdown and the charts it links, by file name. */
    public record Rendered(String markdown, Map<String, String> charts) {
    }

    private Report() {
    }

    /** @param chartDir the charts' folder as the Markdown links it, relative to the page ("benchmarks") */
    public static Rendered render(List<JmhResult> results, Machine machine, String chartDir) {
        if (results.isEmpty()) {
            throw new ReportException("the results hold no benchmark: did the run match none (check the PATTERN)?");
        }
        StringBuilder md = new StringBuilder();
        Map<String, String> charts = new LinkedHashMap<>();
        JmhResult first = results.get(0);
        md.append("Measured on ").append(machine.describe()).append(", ").append(first.jdk()).append(", at ")
                .append(machine.date()).append(".\nJMH: ").append(first.shape()).append("; forked JVM: `")
                .append(String.join(" ", first.jvmArgs())).append("`.\n\n");
        List<String> goalRows = new ArrayList<>();
        Map<String, List<JmhResult>> byBenchmark = new LinkedHashMap<>();
        results.forEach(r -> byBenchmark.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r));
        StringBuilder tables = new StringBuilder();
        for (Suite suite : Suite.ALL) {
            List<JmhResult> rows = byBenchmark.remove(suite.benchmark());
            if (rows != null) {
                table(suite, rows, chartDir, tables, charts, goalRows);
            }
        }
        byBenchmark.forEach((name, rows) -> other(name, rows, tables));
        if (!goalRows.isEmpty()) {
            md.append("### Goals\n\n| goal | reached | |\n|---|---|---|\n");
            goalRows.forEach(md::append);
            md.append('\n');
        }
        return new Rendered(md.append(tables).toString(), charts);
    }

    private static void table(Suite suite, List<JmhResult> rows, String chartDir, StringBuilder md,
                              Map<String, String> charts, List<String> goalRows) {
        Optional<JmhResult> baseline = rows.stream().filter(r -> suite.baseline().equals(r.params().get(suite.axis()))).findFirst();
        double base = baseline.map(r -> score(suite, r).value()).orElse(Double.NaN);
        md.append("### ").append(suite.title()).append("\n\n");
        String chart = suite.benchmark().replaceFirst("Benchmark\\..*", "").toLowerCase(Locale.ROOT) + ".svg";
        md.append("![").append(suite.title()).append("](").append(chartDir).append('/').append(chart).append(")\n\n");
        if (baseline.isEmpty()) {
            md.append("The baseline (").append(suite.axis()).append(" = ").append(suite.baseline())
                    .append(") is not in this run, so no ratio is computed: run it in the same run as the others.\n\n");
        }
        md.append("| ").append(suite.axis()).append(" | ").append(suite.unit()).append(" | ± error | ratio to ")
                .append(suite.baseline()).append(" |");
        suite.counters().forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|---:|---:|---:|");
        suite.counters().forEach(c -> md.append("---:|"));
        md.append('\n');
        List<BarChart.Bar> bars = new ArrayList<>();
        for (JmhResult r : rows) {
            String variant = r.params().getOrDefault(suite.axis(), "?");
            JmhResult.Score s = score(suite, r);
            double ratio = s.value() / base;
            md.append("| ").append(variant).append(" | ").append(number(s.value())).append(" | ")
                    .append(number(s.error())).append(" | ").append(ratio(ratio)).append(" |");
            suite.counters().forEach(c -> md.append(' ').append(counter(r, c)).append(" |"));
            md.append('\n');
            bars.add(new BarChart.Bar(variant, s.value(), number(s.value()), ratio(ratio), variant.equals(suite.baseline())));
            suite.goals().stream().filter(g -> g.variant().equals(variant)).forEach(g -> {
                double r2 = g.over() == null ? ratio : s.value() / rows.stream()
                        .filter(o -> g.over().equals(o.params().get(suite.axis()))).mapToDouble(o -> score(suite, o).value())
                        .findFirst().orElse(Double.NaN);
                goalRows.add("| " + g.meaning() + " | " + ratio(r2) + " | "
                        + (Double.isNaN(r2) ? "no baseline" : r2 >= g.minRatio() ? "met" : "missed") + " |\n");
            });
        }
        md.append('\n');
        charts.put(chart, BarChart.svg(suite.title(), suite.unit(), bars));
    }

    private static void other(String name, List<JmhResult> rows, StringBuilder md) {
        md.append("### ").append(name).append("\n\n| params | score | ± error |\n|---|---:|---:|\n");
        for (JmhResult r : rows) {
            md.append("| ").append(r.params()).append(" | ").append(number(r.primary().value())).append(' ')
                    .append(r.primary().unit()).append(" | ").append(number(r.primary().error())).append(" |\n");
        }
        md.append('\n');
    }

    private static JmhResult.Score score(Suite suite, JmhResult r) {
        if (suite.score() == null) {
            return r.primary();
        }
        JmhResult.Score s = r.secondary().get(suite.score());
        if (s == null) {
            throw new ReportException(r.benchmark() + " has no result '" + suite.score() + "': was it run with its @Group?");
        }
        return s;
    }

    private static String counter(JmhResult r, String name) {
        JmhResult.Score s = r.secondary().get(name);
        return s == null || Double.isNaN(s.value()) ? "" : String.format(Locale.ROOT, "%,.0f", s.value());
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return a >= 1e6 ? String.format(Locale.ROOT, "%.2f M", v / 1e6)
                : a >= 1e3 ? String.format(Locale.ROOT, "%.1f k", v / 1e3) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String ratio(double r) {
        return !Double.isFinite(r) ? "n/a" : String.format(Locale.ROOT, r < 0.01 ? "%.4fx" : "%.2fx", r);
    }
}
