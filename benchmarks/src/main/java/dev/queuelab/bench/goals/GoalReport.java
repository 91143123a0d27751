package dev.queuelab.bench.goals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuelab.bench.report.Machine;
import dev.queuelab.bench.report.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The goals' verdicts as Markdown (every figure an interval, never one number alone) and as JSON, from one
 * {@code queuelab bench --goals} run.
 */
public final class GoalReport {

    /**
     * One run: where and how it ran, each goal's judgement, and each benchmark's forks.
     *
     * @param seed the bootstrap's seed
     * @param took the run's wall time, forks and JMH's start-up included
     */
    public record Run(
            Machine machine,
            String jdk,
            int rounds,
            long seed,
            Duration took,
            List<Goals.Judged> goals,
            Map<Goals.Matchup, PairedForks> forks) {

        public long count(Verdict v) {
            return goals.stream().filter(g -> g.verdict() == v).count();
        }
    }

    private GoalReport() {}

    public static String markdown(Run run) {
        StringBuilder md = new StringBuilder();
        md.append("Judged by `queuelab bench --goals` on ")
                .append(run.machine().describe())
                .append(", ")
                .append(run.jdk())
                .append(", at ")
                .append(run.machine().date())
                .append(": per benchmark, ")
                .append(run.rounds())
                .append(" rounds of paired forks (one fork of every variant a round, the order reversed every other"
                        + " round; each fork ")
                .append(JmhForkRunner.shape())
                .append(")")
                .append(laterStages(run))
                .append(". A goal's figure is the median of its per-round figures (the subject's ratio to what it is"
                        + " compared with in the same round, or its bytes per message) with its bootstrap interval, 95%"
                        + " at a benchmark's first look at its rounds and 1 - 0.05 / k at its k-th, marked so (")
                .append(String.format(Locale.ROOT, "%,d", Bootstrap.RESAMPLES))
                .append(" resamples, seed ")
                .append(run.seed())
                .append("): **met** when the whole interval clears the goal, **missed** when the whole interval falls"
                        + " short, **not decided** when it straddles the goal. One-thread benchmarks that only compute"
                        + " are scored per CPU-second of their fork (JMH's score over the share of a core the fork's"
                        + " process used, `cores` below), so that what the scheduler gave a fork does not count; the"
                        + " batched handoff and the disk are scored per second. The run took ")
                .append(duration(run.took()))
                .append(".\n\n");
        md.append("| goal | median | interval | verdict | B/message (subject, baseline) |"
                + " GCs per fork (subject, baseline) |\n|---|---:|---:|---|---:|---:|\n");
        for (Goals.Judged j : run.goals()) {
            md.append("| ")
                    .append(j.goal().meaning())
                    .append(" | ")
                    .append(figure(j, j.interval().median()))
                    .append(" | ")
                    .append(figure(j, j.interval().low()))
                    .append(" – ")
                    .append(figure(j, j.interval().high()))
                    .append(coverageNote(j))
                    .append(" | ")
                    .append(verdict(j))
                    .append(" | ")
                    .append(Report.bytes(j.subject().bytes()))
                    .append(", ")
                    .append(Report.bytes(j.baseline().bytes()))
                    .append(" | ")
                    .append(count(j.subject().gcCount()))
                    .append(", ")
                    .append(count(j.baseline().gcCount()))
                    .append(" |\n");
        }
        md.append("\n**").append(summary(run)).append("**\n\nWhat each goal teaches, met or not:\n\n");
        for (Goals.Judged j : run.goals()) {
            md.append("- ")
                    .append(j.goal().meaning())
                    .append(": ")
                    .append(j.goal().teaches())
                    .append(".\n");
        }
        md.append("\nEvery variant these goals ran, over its forks (the median fork, the lowest and the highest; bytes"
                + " and collections per fork are medians too):\n\n");
        md.append(
                "| benchmark | variant | median | forks' range | cores | B/message | GCs per fork | GC ms per fork |\n"
                        + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        run.forks().forEach((m, forks) -> {
            for (String v : m.variants()) {
                double[] scores = forks.each(v, PairedForks.Fork::score);
                Goals.Cost cost = Goals.Cost.of(forks, v);
                md.append("| ")
                        .append(m.suite().benchmark())
                        .append(" | ")
                        .append(m.suite().axis())
                        .append('=')
                        .append(v)
                        .append(" | ")
                        .append(Report.number(Bootstrap.median(scores)))
                        .append(' ')
                        .append(m.suite().unit())
                        .append(m.perCpuSecond() ? " per CPU-second" : "")
                        .append(" | ")
                        .append(Report.number(min(scores)))
                        .append(" – ")
                        .append(Report.number(max(scores)))
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", cost.cores()))
                        .append(" | ")
                        .append(Report.bytes(cost.bytes()))
                        .append(" | ")
                        .append(count(cost.gcCount()))
                        .append(" | ")
                        .append(count(cost.gcMillis()))
                        .append(" |\n");
            }
        });
        return md.append('\n').toString();
    }

    /** "3 met, 5 missed, 1 not decided", as the terminal and the page both say it. */
    public static String summary(Run run) {
        return run.count(Verdict.MET) + " met, " + run.count(Verdict.MISSED) + " missed, "
                + run.count(Verdict.NOT_DECIDED) + " not decided";
    }

    /** The verdict's words; a miss with its known cause, an open goal with the pairs that would decide it. */
    public static String verdict(Goals.Judged j) {
        return switch (j.verdict()) {
            case MET -> "met";
            case MISSED -> j.goal().verdict(false);
            case NOT_DECIDED ->
                j.pairsToDecide() < 0
                        ? "NOT DECIDED: the median sits on the goal"
                        : "NOT DECIDED: about " + j.pairsToDecide() + " pairs would decide it";
        };
    }

    /** The interval's coverage and look where its benchmark looked more than once ("" at a first look). */
    static String coverageNote(Goals.Judged j) {
        return j.looks() == 1 ? "" : " (" + percent(j.coverage()) + ", look " + j.looks() + ")";
    }

    /** A coverage as a percentage with no trailing zeros: 95%, 97.5%, 98.33%. */
    static String percent(double coverage) {
        return java.math.BigDecimal.valueOf(coverage * 100)
                        .setScale(2, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }

    /**
     * The benchmarks that ran later stages (a goal not decided after the rounds before, that the most rounds
     * allowed could about decide), said as a clause of the header: "" when none did.
     */
    static String laterStages(Run run) {
        List<String> extended = new ArrayList<>();
        run.forks().forEach((m, forks) -> {
            if (forks.rounds() > run.rounds()) {
                extended.add("`" + m.suite().benchmark() + "`, " + forks.rounds());
            }
        });
        return extended.isEmpty()
                ? ""
                : ", and as many again, up to " + GoalRun.MOST_STAGES + " times as many in all, while a goal was not"
                        + " decided and about that many pairs would decide it (" + String.join("; ", extended)
                        + " rounds in all)";
    }

    public static String json(Run run) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("machine", run.machine().describe());
        root.put("jdk", run.jdk());
        root.put("date", run.machine().date());
        root.put("rounds", run.rounds());
        root.put("fork", JmhForkRunner.shape());
        root.put("bootstrapResamples", Bootstrap.RESAMPLES);
        root.put("seed", run.seed());
        root.put("seconds", run.took().toSeconds());
        root.put("summary", summary(run));
        ArrayNode goals = root.putArray("goals");
        for (Goals.Judged j : run.goals()) {
            ObjectNode g = goals.addObject();
            g.put("goal", j.goal().meaning());
            g.put("teaches", j.goal().teaches());
            g.put("benchmark", j.suite().benchmark());
            g.put("subject", j.goal().variant());
            if (j.against() != null) {
                g.put("against", j.against());
            }
            g.put("kind", j.goal().onBytes() ? "bytes per message, at most" : "ratio, at least");
            g.put("target", j.target());
            g.put("median", j.interval().median());
            g.put("low", j.interval().low());
            g.put("high", j.interval().high());
            g.put("coverage", j.coverage());
            g.put("looks", j.looks());
            g.put("verdict", j.verdict().words());
            g.put("pairsToDecide", j.pairsToDecide());
            g.put("rounds", j.perRound().length);
            ArrayNode per = g.putArray("perRound");
            for (double v : j.perRound()) {
                per.add(v);
            }
            g.put("perCpuSecond", Goals.PER_CPU_SECOND.contains(j.suite().benchmark()));
            g.put("subjectCores", j.subject().cores());
            g.put("baselineCores", j.baseline().cores());
            g.put("subjectBytesPerMessage", j.subject().bytes());
            g.put("baselineBytesPerMessage", j.baseline().bytes());
            g.put("subjectGcCountPerFork", j.subject().gcCount());
            g.put("baselineGcCountPerFork", j.baseline().gcCount());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }

    private static String figure(Goals.Judged j, double v) {
        return j.goal().onBytes() ? Report.bytes(v) + " B" : Report.ratio(v);
    }

    private static String count(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f", v);
    }

    static String duration(Duration d) {
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }
}
