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
 * The two stages of {@code bench --goals}, on scripted forks: a benchmark whose goal the first rounds cannot
 * decide runs as many rounds again, once, and is judged on all of them; one they decide runs no more.
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
