package dev.queuelab.bench.goals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Baseline and subjects in interleaved forks: each round runs one fork of every variant, one after the other,
 * and a ratio is taken within a round, never across rounds. Another tenant's build that slows the machine for
 * a minute slows both sides of the pairs it overlaps, and their ratio holds; a ratio of two medians taken
 * minutes apart would carry the load's change into the verdict. Odd rounds run the variants in reverse order
 * (A B, B A, A B ...), so that a load that rises or falls steadily favours neither side.
 */
public final class PairedForks {

    /**
     * One forked JVM's figures: its score (per second, or per CPU-second for a one-thread benchmark), the share of
     * a core its process used while measuring, its bytes per scored unit, its collections and its counters.
     */
    public record Fork(
            String variant,
            double score,
            double cores,
            double bytes,
            double gcCount,
            double gcMillis,
            Map<String, Double> counters) {

        public Fork {
            counters = Map.copyOf(counters);
        }
    }

    /** Runs one forked JVM of one variant. */
    public interface ForkRunner {
        Fork run(String variant, int round, int rounds);
    }

    private final List<String> variants;
    private final List<Map<String, Fork>> rounds;

    private PairedForks(List<String> variants, List<Map<String, Fork>> rounds) {
        this.variants = List.copyOf(variants);
        this.rounds = List.copyOf(rounds);
    }

    /** {@code rounds} rounds of one fork per variant, in the order the class comment gives. */
    public static PairedForks run(List<String> variants, int rounds, ForkRunner runner) {
        return new PairedForks(variants, List.of()).more(rounds, runner);
    }

    /**
     * These rounds and {@code more} after them, of the same variants, the order still reversed every other round
     * (counted from the first): one run whose every ratio is taken within a round. The runner is told each round's
     * place among all of them.
     */
    public PairedForks more(int more, ForkRunner runner) {
        if (more < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + more);
        }
        List<Map<String, Fork>> all = new ArrayList<>(rounds);
        int total = rounds.size() + more;
        for (int r = rounds.size(); r < total; r++) {
            List<String> order = new ArrayList<>(variants);
            if (r % 2 == 1) {
                Collections.reverse(order);
            }
            Map<String, Fork> round = new java.util.LinkedHashMap<>();
            for (String v : order) {
                round.put(v, runner.run(v, r, total));
            }
            all.add(round);
        }
        return new PairedForks(variants, all);
    }

    public List<String> variants() {
        return variants;
    }

    public int rounds() {
        return rounds.size();
    }

    /** Per round, the subject's score over the baseline's score from the same round. */
    public double[] ratios(String subject, String baseline) {
        double[] out = new double[rounds.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = fork(r, subject).score() / fork(r, baseline).score();
        }
        return out;
    }

    /** Per round, one figure of the variant's fork. */
    public double[] each(String variant, ToDoubleFunction<Fork> figure) {
        double[] out = new double[rounds.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = figure.applyAsDouble(fork(r, variant));
        }
        return out;
    }

    public Fork fork(int round, String variant) {
        Fork f = rounds.get(round).get(variant);
        if (f == null) {
            throw new IllegalArgumentException(variant + " was not run: the variants are " + variants);
        }
        return f;
    }
}
