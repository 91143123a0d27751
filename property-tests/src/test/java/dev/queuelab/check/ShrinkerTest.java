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
}
