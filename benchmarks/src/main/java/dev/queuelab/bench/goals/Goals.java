package dev.queuelab.bench.goals;

import dev.queuelab.bench.report.Suite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The goals of {@link Suite#ALL}, judged on paired forks: which variants each benchmark must run per round, and
 * each goal's figure per round (a ratio within the round, or the subject's bytes per message), its median, its
 * bootstrap interval and its {@link Verdict}.
 */
public final class Goals {

    /**
     * A benchmark with goals and the variants a round runs: each goal's subject right after what it divides by.
     *
     * @param perCpuSecond the score is per CPU-second of the fork (a one-thread benchmark that only computes), not
     *                     per second
     */
    public record Matchup(Suite suite, List<String> variants, boolean perCpuSecond) {}

    /**
     * The one-thread benchmarks that only compute: on cores shared with other builds, their score per second says
     * how much CPU the fork was given, their score per CPU-second what the work costs. Not the disk (an fsync waits
     * on the device, and costs no CPU).
     */
    static final Set<String> PER_CPU_SECOND = Set.of(
            "CycleBenchmark.cycle",
            "BatchCycleBenchmark.sendThenTake",
            "VisibilityBookkeepingBenchmark.cycle",
            "TailCycleBenchmark.appendThenRead",
            "LogGroupsBenchmark.appendThenEveryGroupReads",
            "FanoutBenchmark.publishThenEveryoneReads",
            "FanoutPublishBenchmark.publish",
            "TopicRoutingBenchmark.publishThenRead",
            "IdempotentConsumerBenchmark.message");

    /** What a variant's forks cost beside their score: medians over the rounds. */
    public record Cost(double cores, double bytes, double gcCount, double gcMillis) {
        static Cost of(PairedForks forks, String variant) {
            return new Cost(
                    Bootstrap.median(forks.each(variant, PairedForks.Fork::cores)),
                    Bootstrap.median(forks.each(variant, PairedForks.Fork::bytes)),
                    Bootstrap.median(forks.each(variant, PairedForks.Fork::gcCount)),
                    Bootstrap.median(forks.each(variant, PairedForks.Fork::gcMillis)));
        }
    }

    /**
     * One goal's judgement.
     *
     * @param against       the variant a ratio divides by (null for a bytes goal)
     * @param perRound      the figure of each round: subject over {@code against}, or the subject's bytes
     * @param pairsToDecide for a goal not decided, about how many pairs would decide it (-1: none would)
     * @param looks         how many times its benchmark's rounds were judged: the interval's coverage is
     *                      {@link #coverage(int) 1 - 0.05 / looks}, so that a later look must be surer
     */
    public record Judged(
            Suite suite,
            Suite.Goal goal,
            String against,
            double[] perRound,
            Bootstrap.Interval interval,
            Verdict verdict,
            int pairsToDecide,
            int looks,
            Cost subject,
            Cost baseline) {

        public double target() {
            return goal.onBytes() ? goal.maxBytes() : goal.minRatio();
        }

        public double coverage() {
            return Goals.coverage(looks);
        }
    }

    private Goals() {}

    /** Every suite with goals, with the variants its rounds run. */
    public static List<Matchup> matchups() {
        List<Matchup> out = new ArrayList<>();
        for (Suite suite : Suite.ALL) {
            if (suite.goals().isEmpty()) {
                continue;
            }
            // each goal's two sides next to each other in a round, so that its pair is as close in time as can be
            Set<String> variants = new LinkedHashSet<>();
            for (Suite.Goal g : suite.goals()) {
                variants.add(g.over() != null ? g.over() : suite.baseline());
                variants.add(g.variant());
            }
            out.add(new Matchup(suite, List.copyOf(variants), PER_CPU_SECOND.contains(suite.benchmark())));
        }
        return out;
    }

    /** The matchups whose {@code Class.method} one of the regexes finds: all of them when none is given. */
    public static List<Matchup> matching(List<String> regexes) {
        List<java.util.regex.Pattern> patterns =
                regexes.stream().map(java.util.regex.Pattern::compile).toList();
        return matchups().stream()
                .filter(m -> patterns.isEmpty()
                        || patterns.stream()
                                .anyMatch(p -> p.matcher(m.suite().benchmark()).find()))
                .toList();
    }

    /** The coverage of each interval when a benchmark's rounds are judged {@code looks} times: 0.95 for one. */
    public static double coverage(int looks) {
        if (looks < 1) {
            throw new IllegalArgumentException("looks is " + looks + ": a goal is judged at least once");
        }
        return 1 - 0.05 / looks;
    }

    /** Each goal of the suite, judged once on its forks; the bootstrap's seed makes the interval reproducible. */
    public static List<Judged> judge(Suite suite, PairedForks forks, long seed) {
        return judge(suite, forks, seed, 1);
    }

    /** Each goal of the suite, judged on its forks at the {@code looks}-th look at them. */
    public static List<Judged> judge(Suite suite, PairedForks forks, long seed, int looks) {
        List<Judged> out = new ArrayList<>();
        for (Suite.Goal g : suite.goals()) {
            String against = g.onBytes() ? null : g.over() != null ? g.over() : suite.baseline();
            double[] perRound =
                    g.onBytes() ? forks.each(g.variant(), PairedForks.Fork::bytes) : forks.ratios(g.variant(), against);
            Bootstrap.Interval interval = Bootstrap.median(perRound, Bootstrap.RESAMPLES, seed, coverage(looks));
            double target = g.onBytes() ? g.maxBytes() : g.minRatio();
            boolean atLeast = !g.onBytes();
            out.add(new Judged(
                    suite,
                    g,
                    against,
                    perRound,
                    interval,
                    Verdict.judge(interval, target, atLeast),
                    Verdict.pairsToDecide(perRound.length, interval, target, atLeast),
                    looks,
                    Cost.of(forks, g.variant()),
                    Cost.of(forks, against != null ? against : suite.baseline())));
        }
        return out;
    }
}
