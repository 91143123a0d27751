package dev.queuelab.check.workqueue;

import java.util.List;

/**
 * The durations scenarios use, in whole seconds. Few, round values make clock steps land exactly on
 * visibility deadlines and window ends, where off-by-one mistakes live.
 */
final class Ticks {

    static final List<Integer> STEPS = List.of(1, 5, 10, 30, 60, 300);

    private Ticks() {}

    /** Smaller candidates for the shrinker, smallest first; 0 stays 0. */
    static List<Integer> smallerThan(int seconds) {
        return STEPS.stream().filter(s -> s < seconds).toList();
    }
}
