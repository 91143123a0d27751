package dev.queuelab.bench.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stages of {@code bench --goals}, on scripted forks: a benchmark whose goal the rounds so far cannot decide
 * runs as many rounds again, up to four stages, and is judged on all of them, each later look surer than the one
 * before; one they decide runs no more, and one no reasonable run would decide runs no more either.
 */
class GoalRunTest {

    private static final Goals.Matchup CYCLE =
            new Goals.Matchup(GoalReportTest.CYCLE, List.of("ArrayBlockingQueue", "WorkQueue"), true);

    /** The work queue at {@code ratio[round]} of ArrayBlockingQueue's 30 M/s, 152 B a cycle. */
    private static PairedForks.ForkRunner scripted(double[] ratio) {
        return (variant, round, rounds) -> {
            boolean queue = variant.equals("WorkQueue");
            double score = 30e6 * (queue ? ratio[round] : 1);
            return new PairedForks.Fork(variant, score, 1, queue ? 152 : 24, 1, 3, Map.of());
        };
    }

    private static GoalReport.Run run(double[] ratio, StringWriter out) {
        return GoalRun.run(
                List.of(CYCLE),
                10,
                23,
                m -> scripted(ratio),
                Clock.fixed(Instant.parse("2026-12-05T21:00:00Z"), ZoneOffset.UTC),
                new PrintWriter(out));
    }

    @Test
    void shouldRunAsManyRoundsAgainOnceWhenTheFirstCannotDecideAGoal() {
        // ten rounds straddle 0.3x (median 0.33x, about ten more pairs to decide); the next ten sit at 0.32x - 0.33x
        double[] ratio = {
            0.25, 0.26, 0.295, 0.34, 0.33, 0.33, 0.33, 0.34, 0.33, 0.33,
            0.32, 0.33, 0.32, 0.33, 0.32, 0.33, 0.32, 0.33, 0.32, 0.33
        };
        Goals.Judged alone = Goals.judge(
                        GoalReportTest.CYCLE, PairedForks.run(CYCLE.variants(), 10, scripted(ratio)), 23)
                .get(0);
        assertThat(alone.verdict())
                .as("ten rounds alone: %s, %s pairs", alone.interval(), alone.pairsToDecide())
                .isEqualTo(Verdict.NOT_DECIDED);
        StringWriter out = new StringWriter();
        GoalReport.Run run = run(ratio, out);
        assertThat(run.forks().get(CYCLE).rounds())
                .as("a second stage of ten rounds:%n%s", out)
                .isEqualTo(20);
        assertThat(run.goals().get(0).perRound()).hasSize(20);
        assertThat(run.goals().get(0).verdict()).isEqualTo(Verdict.MET);
        assertThat(out.toString())
                .contains("not decided after 10 rounds")
                .contains("10 rounds more")
                .contains("[ 40/40] round 20/20");
        assertThat(GoalReport.markdown(run)).contains("`CycleBenchmark.cycle`, 20 rounds in all");
        assertThat(run.goals().get(0).looks()).isEqualTo(2);
        assertThat(run.goals().get(0).coverage()).isEqualTo(0.975);
    }

    @Test
    void shouldLookAgainWhileMorePairsWouldDecideAndJudgeEachLookSurerThanTheOneBefore() {
        // about 20, then 40 pairs would decide it: three looks, met at the third, whose interval keeps 98.33%
        double[] ratio = {
            0.34, 0.34, 0.35, 0.31, 0.29, 0.33, 0.34, 0.32, 0.29, 0.28,
            0.37, 0.35, 0.30, 0.27, 0.28, 0.33, 0.32, 0.33, 0.39, 0.29,
            0.28, 0.36, 0.34, 0.33, 0.30, 0.25, 0.30, 0.33, 0.30, 0.33,
            0.33, 0.27, 0.31, 0.30, 0.34, 0.35, 0.34, 0.39, 0.30, 0.34
        };
        StringWriter out = new StringWriter();
        GoalReport.Run run = run(ratio, out);
        GoalRun.print(run, new PrintWriter(out));
        assertThat(run.forks().get(CYCLE).rounds()).as("three stages:%n%s", out).isEqualTo(30);
        assertThat(out.toString())
                .contains("not decided after 10 rounds")
                .contains("not decided after 20 rounds")
                .contains("98.33% interval");
        Goals.Judged last = run.goals().get(0);
        assertThat(last.verdict()).isEqualTo(Verdict.MET);
        assertThat(last.looks()).isEqualTo(3);
        assertThat(GoalReport.markdown(run)).contains("(98.33%, look 3)").contains("30 rounds in all");
    }

    @Test
    void shouldStopLookingOnceMorePairsThanFourStagesWouldBeNeeded() {
        // about 18, 36, then 41 pairs would decide it: the third look leaves it open and asks for more than 40
        double[] ratio = {
            0.36, 0.29, 0.33, 0.33, 0.34, 0.29, 0.29, 0.36, 0.26, 0.34,
            0.38, 0.34, 0.29, 0.28, 0.34, 0.33, 0.30, 0.35, 0.35, 0.33,
            0.30, 0.29, 0.28, 0.34, 0.28, 0.34, 0.33, 0.33, 0.31, 0.34,
            0.36, 0.33, 0.33, 0.34, 0.34, 0.35, 0.32, 0.34, 0.36, 0.30
        };
        StringWriter out = new StringWriter();
        GoalReport.Run run = run(ratio, out);
        assertThat(run.forks().get(CYCLE).rounds())
                .as("no fourth stage:%n%s", out)
                .isEqualTo(30);
        assertThat(run.goals().get(0).verdict()).isEqualTo(Verdict.NOT_DECIDED);
        assertThat(run.goals().get(0).pairsToDecide()).isGreaterThan(GoalRun.MOST_STAGES * 10);
    }

    /**
     * Judged from outside: 400 runs whose every round is drawn around a figure that sits exactly on the goal
     * (uniform on 0.27x - 0.33x against 0.3x), so that any met or missed is a wrong call. Looking again after
     * seeing the rounds must not make wrong calls much likelier than one look on the first ten rounds: with every
     * look at 95% it would (34 of 400 against one look's 21, tried; with its looks, 26).
     */
    @Test
    void shouldMakeAWrongCallLittleMoreOftenWithItsLooksThanWithOne() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int trials = 400;
        int wrongOnce = 0;
        int wrongStaged = 0;
        for (int t = 0; t < trials; t++) {
            double[] ratio = new double[10 * GoalRun.MOST_STAGES];
            for (int i = 0; i < ratio.length; i++) {
                ratio[i] = 0.27 + 0.06 * random.nextDouble();
            }
            Goals.Judged once = Goals.judge(
                            GoalReportTest.CYCLE, PairedForks.run(CYCLE.variants(), 10, scripted(ratio)), 23)
                    .get(0);
            wrongOnce += once.verdict() == Verdict.NOT_DECIDED ? 0 : 1;
            GoalReport.Run staged = run(ratio, new StringWriter());
            wrongStaged += staged.goals().get(0).verdict() == Verdict.NOT_DECIDED ? 0 : 1;
        }
        assertThat(wrongStaged)
                .as("wrong calls in %d runs: %d with its looks, %d with one", trials, wrongStaged, wrongOnce)
                .isLessThanOrEqualTo(wrongOnce + trials / 50);
    }

    @Test
    void shouldJudgeALaterLookWithAWiderIntervalThanTheFirstWould() {
        // the same 20 rounds, every figure a different one: the second look's 97.5% keeps more of the draws
        double[] ratio = new double[20];
        for (int i = 0; i < ratio.length; i++) {
            ratio[i] = 0.28 + 0.003 * ((7 * i) % 20);
        }
        PairedForks twenty = PairedForks.run(CYCLE.variants(), 20, scripted(ratio));
        Goals.Judged once = Goals.judge(GoalReportTest.CYCLE, twenty, 23, 1).get(0);
        Goals.Judged twice = Goals.judge(GoalReportTest.CYCLE, twenty, 23, 2).get(0);
        assertThat(twice.interval().low()).isLessThan(once.interval().low());
        assertThat(twice.interval().high()).isGreaterThan(once.interval().high());
        assertThat(twice.interval().median()).isEqualTo(once.interval().median());
    }

    @Test
    void shouldRunNoMoreRoundsWhenTheFirstDecideEveryGoal() {
        double[] ratio = new double[20];
        java.util.Arrays.fill(ratio, 0.32);
        StringWriter out = new StringWriter();
        GoalReport.Run run = run(ratio, out);
        assertThat(run.forks().get(CYCLE).rounds()).isEqualTo(10);
        assertThat(out.toString()).doesNotContain("rounds more");
        assertThat(GoalReport.markdown(run)).doesNotContain("rounds in all");
    }
}
