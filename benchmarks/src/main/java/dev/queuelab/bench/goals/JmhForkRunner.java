package dev.queuelab.bench.goals;

import dev.queuelab.bench.report.Suite;
import dev.queuelab.bench.report.WrongResultsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One forked JVM of one variant through JMH's own runner, with JMH's allocation profiler ({@code -prof gc}):
 * short forks, so that many of them fit in a few minutes (many short forks tell more than a few long ones:
 * two JVMs compile the same code differently, and only more forks show by how much). JMH's output goes to a
 * log file; a fork whose counters say it broke fails the run, as the report does.
 */
public final class JmhForkRunner implements PairedForks.ForkRunner {

    /** Each fork's shape: warm-up and measured iterations of {@link #ITERATION_MS} ms. */
    public static final int WARMUP = 4;

    public static final int MEASURED = 2;
    public static final int ITERATION_MS = 500;

    private final Suite suite;
    private final boolean perCpuSecond;
    private final Path log;

    public JmhForkRunner(Goals.Matchup matchup, Path log) {
        this.suite = matchup.suite();
        this.perCpuSecond = matchup.perCpuSecond();
        this.log = log;
    }

    public static String shape() {
        return WARMUP + " x " + ITERATION_MS + " ms warm-up, " + MEASURED + " x " + ITERATION_MS
                + " ms measured, -prof gc";
    }

    @Override
    public PairedForks.Fork run(String variant, int round, int rounds) {
        Options options = new OptionsBuilder()
                .include("\\." + Pattern.quote(suite.benchmark()) + "$")
                .param(suite.axis(), variant)
                .forks(1)
                .warmupIterations(WARMUP)
                .warmupTime(TimeValue.milliseconds(ITERATION_MS))
                .measurementIterations(MEASURED)
                .measurementTime(TimeValue.milliseconds(ITERATION_MS))
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .jvm(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                // not the launcher's own flags (a C1-only JIT, the serial collector), which JMH would pass on
                .jvmArgs("-XX:+UseG1GC")
                .shouldFailOnError(true)
                .output(log.toString())
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new ForkFailedException(suite.benchmark() + " " + suite.axis() + "=" + variant + " failed in round "
                    + (round + 1) + " (" + e.getMessage() + "): JMH's output is in " + log);
        }
        if (results.size() != 1) {
            throw new ForkFailedException(suite.benchmark() + " " + suite.axis() + "=" + variant + " gave "
                    + results.size() + " results, not 1: is the variant one of the benchmark's @Param values?"
                    + " JMH's output is in " + log);
        }
        return fork(suite, perCpuSecond, variant, results.iterator().next());
    }

    static PairedForks.Fork fork(Suite suite, boolean perCpuSecond, String variant, RunResult run) {
        Map<String, Double> secondary = new LinkedHashMap<>();
        run.getSecondaryResults().forEach((name, r) -> secondary.put(name, r.getScore()));
        double primary = run.getPrimaryResult().getScore();
        double score = suite.score() == null ? primary : secondary.getOrDefault(suite.score(), Double.NaN);
        double norm = ending(secondary, "gc.alloc.rate.norm");
        // a group's bytes are per put and per take together: scaled to the scored unit, as the report does
        double bytes = suite.score() == null ? norm : norm * primary / score;
        List<String> broken = new ArrayList<>();
        for (String c : suite.mustBeZero()) {
            Double v = secondary.get(c);
            if (v != null && v != 0 && !v.isNaN()) {
                broken.add(c + " = " + v);
            }
        }
        if (!broken.isEmpty()) {
            throw new WrongResultsException("THIS RUN IS WRONG, NOT SLOW: " + suite.benchmark() + " " + suite.axis()
                    + "=" + variant + ": " + String.join(", ", broken) + " (counters that must stay 0)."
                    + " Find why (the benchmark's Javadoc says what each counter means), fix it, and run again.");
        }
        double cores = secondary.getOrDefault(CpuTimeProfiler.RESULT, Double.NaN);
        return new PairedForks.Fork(
                variant,
                scored(score, cores, perCpuSecond),
                cores,
                bytes,
                ending(secondary, "gc.count"),
                ending(secondary, "gc.time"),
                secondary);
    }

    /** A one-thread fork's score per CPU-second: what it did per second over the share of a core it was given. */
    static double scored(double perSecond, double cores, boolean perCpuSecond) {
        return perCpuSecond ? perSecond / cores : perSecond;
    }

    private static double ending(Map<String, Double> secondary, String suffix) {
        return secondary.entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix))
                .mapToDouble(Map.Entry::getValue)
                .findFirst()
                .orElse(Double.NaN);
    }

    /** A fork that did not finish: its message names the benchmark, the variant and JMH's log. */
    public static final class ForkFailedException extends RuntimeException {
        public ForkFailedException(String message) {
            super(message);
        }
    }
}
