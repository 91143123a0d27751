package dev.queuelab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Deterministic shrinking of a failing scenario: delta debugging (Zeller's ddmin) over its steps, then
 * simpler values one at a time, repeated until nothing more can go. Every candidate is replayed from
 * scratch, so the result still fails for the same reason, only with less in the way.
 *
 * <p>Invariant: {@code fails} holds for every scenario this class returns; it is never asked of the same
 * list twice in a row, and the number of replays is bounded by {@link #MAX_REPLAYS}.
 */
public final class Shrinker<T> {

    public static final int MAX_REPLAYS = 5_000;

    private final Predicate<List<T>> fails;
    private final Function<T, List<T>> simpler;
    private int replays;

    /**
     * @param fails   replays a candidate and says whether it still shows the anomaly being shrunk
     * @param simpler the simpler versions of one step, simplest first
     */
    public Shrinker(Predicate<List<T>> fails, Function<T, List<T>> simpler) {
        this.fails = fails;
        this.simpler = simpler;
    }

    public List<T> shrink(List<T> failing) {
        List<T> current = List.copyOf(failing);
        List<T> before;
        do {
            before = current;
            current = ddmin(current);
            current = simplifyValues(current);
        } while (!current.equals(before) && replays < MAX_REPLAYS);
        return current;
    }

    public int replays() {
        return replays;
    }

    /** Removes chunks of steps, halving the chunk size when no chunk can go, down to single steps. */
    private List<T> ddmin(List<T> steps) {
        int chunks = 2;
        while (steps.size() >= 2 && replays < MAX_REPLAYS) {
            int size = (int) Math.ceil(steps.size() / (double) chunks);
            boolean removed = false;
            for (int start = 0; start < steps.size() && !removed; start += size) {
                List<T> without = new ArrayList<>(steps.subList(0, start));
                without.addAll(steps.subList(Math.min(start + size, steps.size()), steps.size()));
                if (test(without)) {
                    steps = without;
                    chunks = Math.max(chunks - 1, 2);
                    removed = true;
                }
            }
            if (!removed) {
                if (size == 1) {
                    break; // 1-minimal: no single step can go
                }
                chunks = Math.min(chunks * 2, steps.size());
            }
        }
        if (steps.size() == 1 && test(List.of())) {
            return List.of();
        }
        return steps;
    }

    private List<T> simplifyValues(List<T> steps) {
        List<T> current = new ArrayList<>(steps);
        for (int i = 0; i < current.size(); i++) {
            for (T candidate : simpler.apply(current.get(i))) {
                List<T> trial = new ArrayList<>(current);
                trial.set(i, candidate);
                if (test(trial)) {
                    current = trial;
                    break; // simplest first: the first that still fails is the one
                }
            }
        }
        return List.copyOf(current);
    }

    private boolean test(List<T> candidate) {
        replays++;
        return replays <= MAX_REPLAYS && fails.test(candidate);
    }
}
