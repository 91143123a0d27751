package dev.queuelab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Deterministic shrinking of a failing scenario: delta debugging (Zeller's ddmin) over its steps, then
 * neighbours merged into one (two ticks of the clock into one longer tick), then simpler values one at a time,
 * repeated until nothing more can go. Every candidate is replayed from
 * scratch, so the result still fails for the same reason, only with less in the way.
 *
 * <p>Invariant: {@code fails} holds for every scenario this class returns; it is never asked of the same
 * list twice in a row, and the number of replays is bounded by {@link #MAX_REPLAYS}.
 */
public final class Shrinker<T> {

    public static final int MAX_REPLAYS = 5_000;

    /** The longest story a reader takes in at a glance: past it, the shrinker tries harder. */
    static final int GLANCE = 8;

    private final Predicate<List<T>> fails;
    private final Function<T, List<T>> simpler;
    private final BiFunction<T, T, Optional<T>> merged;
    private int replays;

    /**
     * @param fails   replays a candidate and says whether it still shows the anomaly being shrunk
     * @param simpler the simpler versions of one step, simplest first
     * @param merged  one step that does what a step and the next one do together, if there is one
     */
    public Shrinker(Predicate<List<T>> fails, Function<T, List<T>> simpler, BiFunction<T, T, Optional<T>> merged) {
        this.fails = fails;
        this.simpler = simpler;
        this.merged = merged;
    }

    public List<T> shrink(List<T> failing) {
        List<T> current = List.copyOf(failing);
        List<T> before;
        do {
            before = current;
            current = ddmin(current);
            current = mergeNeighbours(current);
            current = simplifyValues(current);
            if (current.equals(before) && current.size() > GLANCE) {
                current = removeTwoRuns(current);
            }
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

    /**
     * Removes two separate runs of steps at once: where the steps hang together across a gap (a message published
     * early and consumed late, with other messages' steps between), no single run can go alone. Tried only on a
     * story still longer than {@link #GLANCE} steps once the other passes stop, since it costs a replay for every
     * pair of runs.
     */
    private List<T> removeTwoRuns(List<T> steps) {
        int n = steps.size();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    for (int d = c + 1; d <= n; d++) {
                        if (replays >= MAX_REPLAYS) {
                            return steps;
                        }
                        List<T> trial = new ArrayList<>(steps.subList(0, a));
                        trial.addAll(steps.subList(b, c));
                        trial.addAll(steps.subList(d, n));
                        if (test(trial)) {
                            return List.copyOf(trial);
                        }
                    }
                }
            }
        }
        return steps;
    }

    /** Replaces a step and the next one by the one step that does both, wherever the shorter story still fails. */
    private List<T> mergeNeighbours(List<T> steps) {
        List<T> current = new ArrayList<>(steps);
        for (int i = 0; i + 1 < current.size(); i++) {
            Optional<T> both = merged.apply(current.get(i), current.get(i + 1));
            if (both.isPresent()) {
                List<T> trial = new ArrayList<>(current.subList(0, i));
                trial.add(both.get());
                trial.addAll(current.subList(i + 2, current.size()));
                if (test(trial)) {
                    current = trial;
                    i--; // the merged step may merge with the next one too
                }
            }
        }
        return List.copyOf(current);
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
