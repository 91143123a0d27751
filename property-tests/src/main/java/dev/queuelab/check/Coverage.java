package dev.queuelab.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A property's coverage demands judged statistically, as QuickCheck's {@code checkCoverage} judges them: after
 * n trials of which k reached a situation, the Wilson score interval of its true share (at a one-in-a-billion
 * error, z = 6.109) says whether the demand is surely met (the lower bound reaches 90% of it) or surely missed
 * (the upper bound is below it). Until every demand is decided the engine generates on, up to
 * {@link #CAP_FACTOR} times the trials asked for (or the default trials, when fewer are asked for); a demand still undecided there is judged by its observed share
 * against 90% of the demand.
 *
 * <p>Invariants: a demand decided met or missed stays so with overwhelming probability on any seed; a share
 * well above its demand is met within a few hundred trials, one well below it missed likewise.
 */
final class Coverage {

    /** How far past the trials asked for the engine may go to decide every demand. */
    static final int CAP_FACTOR = 20;

    /** z of a two-sided error of 1e-9, QuickCheck's default certainty. */
    static final double Z = 6.109;

    /** A demand is met when the share surely reaches this fraction of it (QuickCheck's tolerance). */
    static final double TOLERANCE = 0.9;

    private final Map<String, Double> demands;
    private final Map<String, Integer> reached = new HashMap<>();

    Coverage(Map<String, Double> demands) {
        this.demands = demands;
    }

    void count(Iterable<String> labels) {
        labels.forEach(label -> reached.merge(label, 1, Integer::sum));
    }

    /** Every demand surely met or surely missed after {@code n} trials. */
    boolean decided(int n) {
        for (Map.Entry<String, Double> d : demands.entrySet()) {
            int k = reached.getOrDefault(d.getKey(), 0);
            if (!surelyMet(k, n, d.getValue()) && !surelyMissed(k, n, d.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The demands missed after {@code n} trials, each in one line; empty when all are met. */
    List<String> missed(int n) {
        List<String> missed = new ArrayList<>();
        demands.forEach((label, share) -> {
            int k = reached.getOrDefault(label, 0);
            boolean met = surelyMet(k, n, share) || (!surelyMissed(k, n, share) && k >= TOLERANCE * share * n);
            if (!met) {
                missed.add(String.format(
                        "'%s' in %d of %d scenarios (%.1f%%; needs %.1f%%)", label, k, n, 100.0 * k / n, share * 100));
            }
        });
        return missed;
    }

    static boolean surelyMet(int k, int n, double share) {
        return n > 0 && wilson(k, n, -Z) >= TOLERANCE * share;
    }

    static boolean surelyMissed(int k, int n, double share) {
        return n > 0 && wilson(k, n, Z) < share;
    }

    /** The Wilson score bound of a share k/n: the lower with a negative z, the upper with a positive one. */
    static double wilson(int k, int n, double z) {
        double p = (double) k / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (centre + spread) / (1 + z2 / n);
    }
}
