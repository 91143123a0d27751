package dev.queuelab.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of JMH's JSON result file ({@code -rf json}): a benchmark method with its parameters, its score
 * and error, and its secondary results (a group's methods, {@code @AuxCounters}).
 *
 * @param benchmark  the class's simple name and the method, {@code CycleBenchmark.cycle}
 * @param params     the {@code @Param} values of this row
 * @param primary    the score of the benchmark (a group's: the sum of its methods)
 * @param secondary  the other results by name ({@code take}, {@code rejected}...)
 * @param jdk        the JDK that ran it, as JMH saw it
 * @param jvmArgs    the forked JVM's arguments
 * @param shape      forks and iterations, "1 fork, 3 x 2 s warm-up, 5 x 2 s measured"
 */
public record JmhResult(
        String benchmark,
        Map<String, String> params,
        Score primary,
        Map<String, Score> secondary,
        String jdk,
        List<String> jvmArgs,
        String shape) {

    /**
     * A score with JMH's error (half the 99.9% confidence interval; NaN with too few iterations) and, per
     * fork, the median of its measured iterations: forks differ more than iterations do (each JVM compiles
     * its own way), so the report gives the median of the forks and their range.
     */
    public record Score(double value, double error, String unit, List<Double> forks) {

        public Score(double value, double error, String unit) {
            this(value, error, unit, List.of());
        }

        public Score {
            forks = List.copyOf(forks);
        }

        /** The median of the forks' medians, or JMH's score when the file has no raw data. */
        public double median() {
            return forks.isEmpty() ? value : JmhResult.median(forks);
        }

        public double lowestFork() {
            return forks.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        public double highestFork() {
            return forks.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    /** Reads a JMH JSON file; a file that is not one gives a {@link ReportException} naming it. */
    public static List<JmhResult> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ReportException(file + " does not exist: give the results.json that queuelab bench wrote");
        } catch (IOException e) {
            throw new ReportException(file + " is not JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + "):" + " give the file JMH wrote with -rf json");
        }
        if (root == null || !root.isArray()) {
            throw new ReportException(file + " is not a JMH result file: expected a JSON array of benchmark results");
        }
        List<JmhResult> out = new ArrayList<>();
        for (JsonNode row : root) {
            if (!row.hasNonNull("benchmark") || !row.hasNonNull("primaryMetric")) {
                throw new ReportException(
                        file + ": a result without 'benchmark' or 'primaryMetric': is this JMH's JSON?");
            }
            String name = row.get("benchmark").asText();
            String[] parts = name.split("\\.");
            String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : name;
            Map<String, String> params = new LinkedHashMap<>();
            row.path("params")
                    .properties()
                    .forEach(f -> params.put(f.getKey(), f.getValue().asText()));
            Map<String, Score> secondary = new LinkedHashMap<>();
            row.path("secondaryMetrics").properties().forEach(f -> secondary.put(f.getKey(), score(f.getValue())));
            List<String> jvmArgs = new ArrayList<>();
            row.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
            out.add(new JmhResult(
                    shortName,
                    params,
                    score(row.get("primaryMetric")),
                    secondary,
                    row.path("vmName").asText("?") + " "
                            + row.path("jdkVersion").asText("?"),
                    jvmArgs,
                    row.path("forks").asInt() + " fork" + (row.path("forks").asInt() == 1 ? "" : "s") + ", "
                            + row.path("warmupIterations").asInt() + " x "
                            + row.path("warmupTime").asText("?") + " warm-up, "
                            + row.path("measurementIterations").asInt() + " x "
                            + row.path("measurementTime").asText("?")
                            + " measured"));
        }
        return out;
    }

    private static Score score(JsonNode metric) {
        List<Double> forks = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            List<Double> iterations = new ArrayList<>();
            fork.forEach(i -> iterations.add(number(i)));
            if (!iterations.isEmpty()) {
                forks.add(median(iterations));
            }
        }
        return new Score(
                number(metric.path("score")),
                number(metric.path("scoreError")),
                metric.path("scoreUnit").asText(""),
                forks);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** JMH writes NaN as the string "NaN". */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
