package dev.queuelab.bench.goals;

/**
 * What an interval says about a goal. A goal is met only when the whole 95% interval clears it, missed only
 * when the whole interval falls short; an interval that straddles the goal decides nothing, whatever its median
 * says, and the report says so rather than guess.
 */
public enum Verdict {
    MET("met"),
    MISSED("missed"),
    NOT_DECIDED("not decided");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /**
     * @param atLeast true when the figure must reach the target (a ratio), false when it must stay at or under
     *                it (bytes per message)
     */
    public static Verdict judge(Bootstrap.Interval interval, double target, boolean atLeast) {
        if (atLeast) {
            return interval.low() >= target ? MET : interval.high() < target ? MISSED : NOT_DECIDED;
        }
        return interval.high() <= target ? MET : interval.low() > target ? MISSED : NOT_DECIDED;
    }

    /**
     * Roughly how many pairs would decide a goal this interval leaves open: the interval narrows as one over the
     * square root of the pairs, so the half facing the target must shrink by (median - target) / that half.
     * -1 when the median sits on the target (no number of pairs decides it), 0 when already decided.
     */
    public static int pairsToDecide(int pairs, Bootstrap.Interval interval, double target, boolean atLeast) {
        if (judge(interval, target, atLeast) != NOT_DECIDED) {
            return 0;
        }
        double distance = Math.abs(interval.median() - target);
        boolean above = interval.median() > target;
        double half = above ? interval.median() - interval.low() : interval.high() - interval.median();
        if (distance == 0 || half == 0) {
            return -1;
        }
        double scale = half / distance;
        return (int) Math.ceil(pairs * scale * scale);
    }
}
