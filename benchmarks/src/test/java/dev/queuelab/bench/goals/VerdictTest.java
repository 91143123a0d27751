package dev.queuelab.bench.goals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Verdicts come from the interval's bounds, never from the median alone. */
class VerdictTest {

    @Test
    void shouldLeaveARatioGoalOpenWhenTheMedianClearsItButTheLowerBoundDoesNot() {
        Bootstrap.Interval i = new Bootstrap.Interval(0.6, 0.45, 0.7);
        assertThat(Verdict.judge(i, 0.5, true))
                .as("median 0.6x over a 0.5x goal, but the interval reaches down to 0.45x")
                .isEqualTo(Verdict.NOT_DECIDED);
        assertThat(Verdict.judge(new Bootstrap.Interval(0.6, 0.5, 0.7), 0.5, true))
                .as("a lower bound on the goal clears it")
                .isEqualTo(Verdict.MET);
    }

    @Test
    void shouldMissARatioGoalOnlyWhenTheUpperBoundFallsShort() {
        assertThat(Verdict.judge(new Bootstrap.Interval(0.13, 0.12, 0.14), 0.3, true))
                .isEqualTo(Verdict.MISSED);
        assertThat(Verdict.judge(new Bootstrap.Interval(0.4, 0.25, 0.55), 0.5, true))
                .as("median 0.4x under a 0.5x goal, but the interval reaches up to 0.55x")
                .isEqualTo(Verdict.NOT_DECIDED);
        assertThat(Verdict.judge(new Bootstrap.Interval(0.4, 0.25, 0.5), 0.5, true))
                .as("an upper bound on the goal does not miss it")
                .isEqualTo(Verdict.NOT_DECIDED);
    }

    @Test
    void shouldJudgeABytesGoalFromTheOtherSide() {
        assertThat(Verdict.judge(new Bootstrap.Interval(248, 248, 272), 200, false))
                .isEqualTo(Verdict.MISSED);
        assertThat(Verdict.judge(new Bootstrap.Interval(190, 180, 210), 200, false))
                .as("the median under 200 B, the interval over it")
                .isEqualTo(Verdict.NOT_DECIDED);
        assertThat(Verdict.judge(new Bootstrap.Interval(176, 170, 200), 200, false))
                .isEqualTo(Verdict.MET);
    }

    @Test
    void shouldSayHowManyPairsWouldDecideAnOpenGoal() {
        // half the interval facing the goal is 0.15, the median 0.1 from it: (0.15 / 0.1)^2 = 2.25 times 10 pairs
        assertThat(Verdict.pairsToDecide(10, new Bootstrap.Interval(0.6, 0.45, 0.7), 0.5, true))
                .isEqualTo(23);
        // below the goal, the upper half faces it: (0.15 / 0.1)^2 again
        assertThat(Verdict.pairsToDecide(10, new Bootstrap.Interval(0.4, 0.3, 0.55), 0.5, true))
                .isEqualTo(23);
        assertThat(Verdict.pairsToDecide(10, new Bootstrap.Interval(0.5, 0.4, 0.6), 0.5, true))
                .as("a median on the goal: no number of pairs decides it")
                .isEqualTo(-1);
        assertThat(Verdict.pairsToDecide(10, new Bootstrap.Interval(0.13, 0.12, 0.14), 0.3, true))
                .as("already decided")
                .isZero();
    }
}
