package dev.queuelab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shrinker on lists of numbers standing for steps: what it removes, merges and simplifies. */
class ShrinkerTest {

    /** Numbers are ticks of the clock: two in a row merge into their sum. */
    private static Shrinker<Integer> shrinker(java.util.function.Predicate<List<Integer>> fails) {
        return new Shrinker<>(fails, n -> n > 1 ? List.of(1) : List.of(), (a, b) -> Optional.of(a + b));
    }

    @Test
    void shouldRemoveEveryStepTheFailureDoesNotNeed() {
        assertThat(shrinker(steps -> steps.contains(7)).shrink(List.of(3, 9, 7, 4, 4)))
                .containsExactly(7);
    }

    @Test
    void shouldMergeNeighboursWhenTheFailureNeedsOnlyTheirSum() {
        // fails once 25 units of time have passed in steps of at most 10: no single step can go
        List<Integer> shrunk = shrinker(
                        steps -> steps.stream().mapToInt(Integer::intValue).sum() >= 25
                                && steps.stream().allMatch(n -> n <= 30))
                .shrink(List.of(10, 5, 5, 10));
        assertThat(shrunk)
                .as("four ticks become one that still adds up")
                .hasSize(1)
                .containsExactly(25);
    }

    @Test
    void shouldKeepNeighboursApartWhenTheFailureNeedsThemApart() {
        assertThat(shrinker(steps -> steps.size() >= 2).shrink(List.of(1, 1, 1)))
                .hasSize(2);
    }

    /**
     * Steps are messages published (+id) and consumed (-id); a story is replayable only when every message it
     * consumes was published before and every message it publishes is consumed. The failure needs message 1. The
     * other messages form a chain (each published before the last one is consumed) with message 1 in the middle, so
     * no single run of steps can go alone: only the two runs on either side of +1, taken together.
     */
    @Test
    void shouldRemoveTwoSeparateRunsWhenNoSingleRunCanGo() {
        List<Integer> story = List.of(2, 3, -2, 1, 4, -3, 5, -4, 6, -5, -6, -1);
        java.util.function.Predicate<List<Integer>> fails = steps -> steps.contains(1) && replayable(steps);
        Shrinker<Integer> shrinker = new Shrinker<>(fails, n -> List.of(), (a, b) -> Optional.empty());

        assertThat(story).hasSizeGreaterThan(Shrinker.GLANCE);
        assertThat(shrinker.shrink(story)).containsExactly(1, -1);
    }

    private static boolean replayable(List<Integer> steps) {
        java.util.Set<Integer> open = new java.util.HashSet<>();
        for (int step : steps) {
            if (step > 0 ? !open.add(step) : !open.remove(-step)) {
                return false;
            }
        }
        return open.isEmpty();
    }
}
