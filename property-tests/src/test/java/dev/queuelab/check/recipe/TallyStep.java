package dev.queuelab.check.recipe;

import dev.queuelab.check.ScenarioStep;
import java.util.List;

/** The tally's steps: symbolic, nothing to resolve. A step has no simpler form. */
sealed interface TallyStep extends ScenarioStep {

    @Override
    default List<TallyStep> simpler() {
        return List.of();
    }

    record Increment() implements TallyStep {}

    record Read() implements TallyStep {}
}
