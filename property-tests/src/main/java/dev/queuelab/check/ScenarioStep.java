package dev.queuelab.check;

import java.util.List;
import java.util.Optional;

/**
 * One step of a scenario, in any topology: symbolic ("the oldest delivery B holds", "the member that joined
 * first"), never a handle the implementation gave out, so that a scenario still means something after the
 * shrinker removed the steps around it. Faults (a crash, a lost ack, a restart) are steps like any other.
 */
public interface ScenarioStep {

    /** The simpler versions of this step, simplest first, for the shrinker. */
    List<? extends ScenarioStep> simpler();

    /**
     * One step that does what this step and {@code next} do together (two ticks of the clock: one longer tick),
     * for the shrinker; empty when there is none (the default).
     */
    default Optional<? extends ScenarioStep> mergedWith(ScenarioStep next) {
        return Optional.empty();
    }
}
