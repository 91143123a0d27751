package dev.queuelab.bench.goals;

import dev.queuelab.bench.report.Machine;
import dev.queuelab.bench.report.Report;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code queuelab bench --goals}: every goal's benchmark in paired forks, one line per fork, then the verdicts.
 *
 * <p>In stages: a benchmark runs its rounds, and while one of its goals is not decided and about
 * {@value #MOST_STAGES} times the first stage's pairs would decide it, it runs as many rounds again, up to that
 * many in all; every goal of it is judged on all of them. A goal whose true figure sits near its target needs more
 * pairs than one far from it (the verdict says about how many); a further look, taken only when the last could
 * not tell, spends them there and nowhere else. A goal whose figure sits on its target stays not decided however
 * many pairs run, and no stage is run for it. Looking again after seeing the rounds makes a wrong call likelier
 * than one look does, so the k-th look's intervals keep 1 - 0.05 / k (95%, 97.5%, 98.33%, 98.75%): by the union
 * bound the four looks together risk a wrong call at most 0.05 x (1 + 1/2 + 1/3 + 1/4), about 10%, and less in
 * fact, since each look holds the rounds of the one before. The report names every benchmark that looked again.
 */
public final class GoalRun {

    /** At most this many stages of rounds a benchmark: 4 stages of 10 rounds, 40 pairs in all. */
    static final int MOST_STAGES = 4;

    private GoalRun() {}

    /**
     * @param runners the fork runner of each benchmark (JMH's, or a recorded one in tests)
     */
    public static GoalReport.Run run(
            List<Goals.Matchup> matchups,
            int rounds,
            long seed,
            Function<Goals.Matchup, PairedForks.ForkRunner> runners,
            Clock clock,
            PrintWriter out) {
        Instant start = clock.instant();
        int[] forks = {matchups.stream().mapToInt(m -> m.variants().size()).sum() * rounds};
        out.printf(
                Locale.ROOT,
                "queuelab bench --goals: %d benchmarks, %d rounds of paired forks, %d forks (%s each)%n",
                matchups.size(),
                rounds,
                forks[0],
                JmhForkRunner.shape());
        out.flush();
        Map<Goals.Matchup, PairedForks> all = new LinkedHashMap<>();
        List<Goals.Judged> judged = new ArrayList<>();
        int[] done = {0};
        for (Goals.Matchup m : matchups) {
            PairedForks.ForkRunner runner = runners.apply(m);
            String unit = m.suite().unit() + (m.perCpuSecond() ? " per CPU-second" : "");
            PairedForks paired = PairedForks.run(m.variants(), rounds, printing(m, runner, unit, forks, done, out));
            List<Goals.Judged> verdicts = Goals.judge(m.suite(), paired, seed);
            for (Optional<Goals.Judged> open = undecided(verdicts, rounds);
                    open.isPresent() && paired.rounds() < MOST_STAGES * rounds;
                    open = undecided(verdicts, rounds)) {
                forks[0] += m.variants().size() * rounds;
                out.printf(
                        Locale.ROOT,
                        "%s: \"%s\" not decided after %d rounds (about %d pairs would decide it): %d rounds more%n",
                        m.suite().benchmark(),
                        open.get().goal().meaning(),
                        paired.rounds(),
                        open.get().pairsToDecide(),
                        rounds);
                out.flush();
                paired = paired.more(rounds, printing(m, runner, unit, forks, done, out));
                verdicts = Goals.judge(m.suite(), paired, seed, paired.rounds() / rounds);
            }
            all.put(m, paired);
            judged.addAll(verdicts); // on every round this benchmark ran
        }
        Instant end = clock.instant();
        return new GoalReport.Run(
                Machine.current(end),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                rounds,
                seed,
                Duration.between(start, end),
                judged,
                all);
    }

    /** A goal not decided that the most rounds a benchmark may run would about decide, if one is left. */
    private static Optional<Goals.Judged> undecided(List<Goals.Judged> verdicts, int rounds) {
        return verdicts.stream()
                .filter(j -> j.verdict() == Verdict.NOT_DECIDED
                        && j.pairsToDecide() > 0
                        && j.pairsToDecide() <= MOST_STAGES * rounds)
                .findFirst();
    }

    /** A runner that prints each fork as it ends, with its round among all the rounds of its benchmark. */
    private static PairedForks.ForkRunner printing(
            Goals.Matchup m, PairedForks.ForkRunner runner, String unit, int[] forks, int[] done, PrintWriter out) {
        return (variant, round, rounds) -> {
            PairedForks.Fork f = runner.run(variant, round, rounds);
            done[0]++;
            out.printf(
                    Locale.ROOT,
                    "[%3d/%d] round %d/%d %s %s=%s: %s %s (%.2f cores), %s B/message, %.0f GCs%n",
                    done[0],
                    forks[0],
                    round + 1,
                    rounds,
                    m.suite().benchmark(),
                    m.suite().axis(),
                    variant,
                    Report.number(f.score()),
                    unit,
                    f.cores(),
                    Report.bytes(f.bytes()),
                    f.gcCount());
            out.flush();
            return f;
        };
    }

    /** The verdict table for the terminal: one line per goal, its interval, and the count of each verdict. */
    public static void print(GoalReport.Run run, PrintWriter out) {
        out.println();
        for (Goals.Judged j : run.goals()) {
            boolean bytes = j.goal().onBytes();
            out.printf(
                    Locale.ROOT,
                    "%-12s median %s, %s interval %s – %s   %s%n",
                    j.verdict().words().toUpperCase(Locale.ROOT),
                    bytes
                            ? Report.bytes(j.interval().median()) + " B"
                            : Report.ratio(j.interval().median()),
                    GoalReport.percent(j.coverage()),
                    bytes
                            ? Report.bytes(j.interval().low())
                            : Report.ratio(j.interval().low()),
                    bytes
                            ? Report.bytes(j.interval().high()) + " B"
                            : Report.ratio(j.interval().high()),
                    j.goal().meaning());
            if (j.verdict() == Verdict.NOT_DECIDED) {
                out.println("             " + GoalReport.verdict(j));
            }
        }
        out.println(GoalReport.summary(run) + " (in " + GoalReport.duration(run.took()) + ")");
        out.flush();
    }
}
