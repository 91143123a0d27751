package dev.queuelab.bench.goals;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The median of a small sample and its percentile-bootstrap interval, 95% unless told: draw the sample again,
 * with replacement, {@value #RESAMPLES} times, take each draw's median, and keep the 2.5th and 97.5th percentiles
 * of those medians (for a coverage c, the (1 - c) / 2 and (1 + c) / 2 ones). Every draw comes from one seed,
 * so the same sample gives the same interval on every machine.
 * The median, not the mean: one fork that ran beside another build's compiler moves a mean, not a median.
 */
public final class Bootstrap {

    public static final int RESAMPLES = 10_000;

    /** A median with the bounds of its 95% interval ({@code low <= median <= high} for any sample). */
    public record Interval(double median, double low, double high) {}

    private Bootstrap() {}

    public static Interval median(double[] sample, long seed) {
        return median(sample, RESAMPLES, seed);
    }

    public static Interval median(double[] sample, int resamples, long seed) {
        return median(sample, resamples, seed, 0.95);
    }

    /** @param coverage the share of the draws' medians the interval keeps, between 0 and 1 */
    public static Interval median(double[] sample, int resamples, long seed, double coverage) {
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("coverage is " + coverage + ": give a share between 0 and 1");
        }
        if (sample.length == 0) {
            throw new IllegalArgumentException("an interval needs at least one value: run at least one round");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] medians = new double[resamples];
        double[] draw = new double[sample.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < draw.length; i++) {
                draw[i] = sample[random.nextInt(sample.length)];
            }
            medians[r] = median(draw);
        }
        Arrays.sort(medians);
        return new Interval(
                median(sample), percentile(medians, (1 - coverage) / 2), percentile(medians, (1 + coverage) / 2));
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Linear between the two nearest ranks, as most statistics packages do by default. */
    static double percentile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
