package dev.queuelab.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one run's JMH results into Markdown tables and SVG charts: per benchmark, each variant's score (the
 * median of its forks, with their range and JMH's error), its ratio to the baseline <em>of the same run</em>
 * (machines are noisy; only ratios travel), the bytes it allocated per message (JMH's {@code -prof gc}: it
 * does not depend on the machine's load), the counters that show a fast result is also a right one, and the
 * goals. A run in which a counter that must stay 0 is not 0 gets no report: it fails, naming each one.
 */
public final class Report {

    /** The Markdown and the charts it links, by file name. */
    public record Rendered(String markdown, Map<String, String> charts) {}

    private Report() {}

    /** @param chartDir the charts' folder as the Markdown links it, relative to the page ("benchmarks") */
    public static Rendered render(List<JmhResult> results, Machine machine, String chartDir) {
        if (results.isEmpty()) {
            throw new ReportException("the results hold no benchmark: did the run match none (check the PATTERN)?");
        }
        requireZeroCounters(results);
        StringBuilder md = new StringBuilder();
        Map<String, String> charts = new LinkedHashMap<>();
        JmhResult first = results.get(0);
        md.append("Measured on ")
                .append(machine.describe())
                .append(", ")
                .append(first.jdk())
                .append(", at ")
                .append(machine.date())
                .append(
                        ".\nEach table gives its JMH shape and forked JVM; a score is the median of"
                                + " the forks (each fork's own median iteration), with the lowest and highest fork beside it.\n\n");
        Map<String, List<JmhResult>> byBenchmark = new LinkedHashMap<>();
        results.forEach(r -> byBenchmark
                .computeIfAbsent(r.benchmark(), k -> new ArrayList<>())
                .add(r));
        StringBuilder tables = new StringBuilder();
        for (Suite suite : Suite.ALL) {
            List<JmhResult> rows = byBenchmark.remove(suite.benchmark());
            if (rows != null) {
                table(suite, rows, chartDir, tables, charts);
            }
        }
        byBenchmark.forEach((name, rows) -> other(name, rows, tables));
        md.append("No goal is judged on these tables: a ratio of two medians from one run says as much about the"
                + " machine's load as about the queue. `queuelab bench --goals` judges the goals on paired forks.\n\n");
        return new Rendered(md.append(tables).toString(), charts);
    }

    private static void table(
            Suite suite, List<JmhResult> rows, String chartDir, StringBuilder md, Map<String, String> charts) {
        Optional<JmhResult> baseline = rows.stream()
                .filter(r -> suite.baseline().equals(r.params().get(suite.axis())))
                .findFirst();
        double base = baseline.map(r -> score(suite, r).median()).orElse(Double.NaN);
        md.append("### ").append(suite.title()).append("\n\n");
        if (suite.context() != null) {
            md.append("> ").append(suite.context()).append("\n\n");
        }
        String chart = suite.benchmark().replaceFirst("Benchmark\\..*", "").toLowerCase(Locale.ROOT) + ".svg";
        md.append("![")
                .append(suite.title())
                .append("](")
                .append(chartDir)
                .append('/')
                .append(chart)
                .append(")\n\n");
        md.append("JMH: ")
                .append(rows.get(0).shape())
                .append("; forked JVM: `")
                .append(String.join(" ", rows.get(0).jvmArgs()))
                .append("`.\n\n");
        if (baseline.isEmpty()) {
            md.append("The baseline (")
                    .append(suite.axis())
                    .append(" = ")
                    .append(suite.baseline())
                    .append(") is not in this run, so no ratio is computed: run it in the same run as the others.\n\n");
        }
        md.append("| ")
                .append(suite.axis())
                .append(" | ")
                .append(suite.unit())
                .append(" | forks' range | ± error | ratio to ")
                .append(suite.baseline())
                .append(" | B/message |");
        suite.counters().forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|---:|---:|---:|---:|---:|");
        suite.counters().forEach(c -> md.append("---:|"));
        md.append('\n');
        List<BarChart.Bar> bars = new ArrayList<>();
        for (JmhResult r : rows) {
            String variant = r.params().getOrDefault(suite.axis(), "?");
            JmhResult.Score s = score(suite, r);
            double ratio = s.median() / base;
            double bytes = bytesPerMessage(suite, r);
            md.append("| ")
                    .append(variant)
                    .append(" | ")
                    .append(number(s.median()))
                    .append(" | ")
                    .append(range(s))
                    .append(" | ")
                    .append(number(s.error()))
                    .append(" | ")
                    .append(ratio(ratio))
                    .append(" | ")
                    .append(bytes(bytes))
                    .append(" |");
            suite.counters().forEach(c -> md.append(' ').append(counter(r, c)).append(" |"));
            md.append('\n');
            bars.add(new BarChart.Bar(
                    variant, s.median(), number(s.median()), ratio(ratio), variant.equals(suite.baseline())));
        }
        md.append('\n');
        charts.put(chart, BarChart.svg(suite.title(), suite.unit(), bars));
    }

    /**
     * JMH's {@code gc.alloc.rate.norm} is per operation of the benchmark (a group's: per put and per take
     * together); scaled by operations per scored message, so that every row counts bytes per message.
     */
    static double bytesPerMessage(Suite suite, JmhResult r) {
        JmhResult.Score norm = r.secondary().entrySet().stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (norm == null) {
            return Double.NaN;
        }
        return suite.score() == null
                ? norm.value()
                : norm.value() * r.primary().value() / score(suite, r).value();
    }

    /** Fails the report, loudly, when a counter that must stay 0 is not: the score would be a wrong result's. */
    static void requireZeroCounters(List<JmhResult> results) {
        List<String> broken = new ArrayList<>();
        for (Suite suite : Suite.ALL) {
            for (JmhResult r : results) {
                if (!r.benchmark().equals(suite.benchmark())) {
                    continue;
                }
                for (String c : suite.mustBeZero()) {
                    JmhResult.Score s = r.secondary().get(c);
                    if (s != null && s.value() != 0 && !Double.isNaN(s.value())) {
                        broken.add(r.benchmark() + " " + suite.axis() + "="
                                + r.params().get(suite.axis()) + ": " + c + " = " + s.value());
                    }
                }
            }
        }
        if (!broken.isEmpty()) {
            throw new WrongResultsException(
                    "THIS RUN IS WRONG, NOT SLOW: counters that must stay 0 are not, so its scores are"
                            + " a broken queue's and no report is written:\n  " + String.join("\n  ", broken)
                            + "\nFind why (the benchmark's Javadoc says what each counter means), fix it, and run again.");
        }
    }

    private static void other(String name, List<JmhResult> rows, StringBuilder md) {
        md.append("### ").append(name).append("\n\n| params | score | ± error |\n|---|---:|---:|\n");
        for (JmhResult r : rows) {
            md.append("| ")
                    .append(r.params())
                    .append(" | ")
                    .append(number(r.primary().value()))
                    .append(' ')
                    .append(r.primary().unit())
                    .append(" | ")
                    .append(number(r.primary().error()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static JmhResult.Score score(Suite suite, JmhResult r) {
        if (suite.score() == null) {
            return r.primary();
        }
        JmhResult.Score s = r.secondary().get(suite.score());
        if (s == null) {
            throw new ReportException(
                    r.benchmark() + " has no result '" + suite.score() + "': was it run with its @Group?");
        }
        return s;
    }

    private static String counter(JmhResult r, String name) {
        JmhResult.Score s = r.secondary().get(name);
        return s == null || Double.isNaN(s.value()) ? "" : String.format(Locale.ROOT, "%,.0f", s.value());
    }

    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return a >= 1e6
                ? String.format(Locale.ROOT, "%.2f M", v / 1e6)
                : a >= 1e3 ? String.format(Locale.ROOT, "%.1f k", v / 1e3) : String.format(Locale.ROOT, "%.1f", v);
    }

    public static String range(JmhResult.Score s) {
        return s.forks().size() < 2 ? "n/a" : number(s.lowestFork()) + " – " + number(s.highestFork());
    }

    public static String bytes(double b) {
        return Double.isNaN(b) ? "" : String.format(Locale.ROOT, "%.0f", b);
    }

    public static String ratio(double r) {
        return !Double.isFinite(r) ? "n/a" : String.format(Locale.ROOT, r < 0.01 ? "%.4fx" : "%.2fx", r);
    }
}
