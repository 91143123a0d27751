package dev.queuelab.bench.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bootstrap interval: reproducible from its seed, and honest about what ten values can say. */
class BootstrapTest {

    private static final double[] ONE_TO_TEN = {7, 2, 9, 1, 5, 10, 3, 8, 6, 4};

    @Test
    void shouldGiveTheSameIntervalWhenGivenTheSameSeed() {
        double[] ratios = {0.131, 0.127, 0.136, 0.129, 0.133, 0.126, 0.137, 0.130, 0.134, 0.128};
        Bootstrap.Interval first = Bootstrap.median(ratios, 50, 23);
        assertThat(Bootstrap.median(ratios.clone(), 50, 23))
                .as("the same values and seed, the same interval")
                .isEqualTo(first);
        java.util.Set<Bootstrap.Interval> bySeed = new java.util.HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            bySeed.add(Bootstrap.median(ratios, 50, seed));
        }
        assertThat(bySeed)
                .as("50 draws are few: the seed decides them, so seeds differ")
                .hasSizeGreaterThan(1);
        assertThat(Bootstrap.median(ONE_TO_TEN, 23).median())
                .as("the median of 1..10, worked out by hand")
                .isEqualTo(5.5);
    }

    @Test
    void shouldBracketTheMedianWithAnIntervalNarrowerThanTheSample() {
        Bootstrap.Interval i = Bootstrap.median(ONE_TO_TEN, 23);
        assertThat(i.low()).as("%s", i).isLessThan(i.median()).isBetween(2.0, 4.0);
        assertThat(i.high()).as("%s", i).isGreaterThan(i.median()).isBetween(7.0, 9.0);
    }

    /**
     * Judged from outside: 400 samples of ten values from a distribution whose median is known (uniform on 0..1:
     * 0.5); a 95% interval must hold 0.5 in most of them (a percentile bootstrap of ten values covers a little
     * less than it claims), and an interval that ignored the spread would almost never hold it.
     */
    @Test
    void shouldHoldTheTrueMedianInMostSamplesWhenTheDistributionIsKnown() {
        SplittableRandom random = new SplittableRandom(7);
        int held = 0;
        int trials = 400;
        for (int t = 0; t < trials; t++) {
            double[] sample = new double[10];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = random.nextDouble();
            }
            Bootstrap.Interval i = Bootstrap.median(sample, 1_000, t);
            if (i.low() <= 0.5 && 0.5 <= i.high()) {
                held++;
            }
        }
        assertThat(held / (double) trials)
                .as("the share of 95%% intervals holding the true median: %d of %d", held, trials)
                .isBetween(0.88, 0.995);
    }

    @Test
    void shouldWidenTheIntervalAsItsCoverageGrowsAndRefuseACoverageOutsideZeroToOne() {
        Bootstrap.Interval at95 = Bootstrap.median(ONE_TO_TEN, Bootstrap.RESAMPLES, 23, 0.95);
        assertThat(at95).as("95%% is the default").isEqualTo(Bootstrap.median(ONE_TO_TEN, 23));
        Bootstrap.Interval at99 = Bootstrap.median(ONE_TO_TEN, Bootstrap.RESAMPLES, 23, 0.99);
        assertThat(at99.low()).isLessThan(at95.low());
        assertThat(at99.high()).isGreaterThan(at95.high());
        Bootstrap.Interval at50 = Bootstrap.median(ONE_TO_TEN, Bootstrap.RESAMPLES, 23, 0.5);
        assertThat(at50.low()).isGreaterThan(at95.low());
        assertThat(at50.high()).isLessThan(at95.high());
        for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Bootstrap.median(ONE_TO_TEN, 10, 23, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("coverage");
        }
    }

    @Test
    void shouldInterpolateBetweenTheTwoNearestRanksWhenTakingAPercentile() {
        double[] sorted = {0, 10, 20, 30, 40};
        // rank 0.025 x 4 = 0.1: a tenth of the way from 0 to 10; rank 0.975 x 4 = 3.9: nine tenths from 30 to 40
        assertThat(Bootstrap.percentile(sorted, 0.025)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Bootstrap.percentile(sorted, 0.975)).isCloseTo(39.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Bootstrap.percentile(sorted, 0.5)).isEqualTo(20.0);
    }

    /**
     * Two values, worked out by hand: a draw of two is {1,1}, {1,2}, {2,1} or {2,2}, so its median is 1 a quarter
     * of the time, 1.5 half of it and 2 a quarter: the 2.5th percentile of the medians is 1 and the 97.5th is 2.
     */
    @Test
    void shouldGiveTheIntervalWorkedOutByHandForTwoValues() {
        assertThat(Bootstrap.median(new double[] {2, 1}, 23)).isEqualTo(new Bootstrap.Interval(1.5, 1, 2));
    }

    @Test
    void shouldCollapseToThePointWhenEveryValueIsTheSame() {
        Bootstrap.Interval i = Bootstrap.median(new double[] {248, 248, 248, 248}, 23);
        assertThat(i).isEqualTo(new Bootstrap.Interval(248, 248, 248));
    }
}
