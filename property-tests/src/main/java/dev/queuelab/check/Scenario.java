package dev.queuelab.check;

import java.util.List;

/**
 * A configuration and the steps to run against it: what a property generates from a seed and the shrinker
 * makes smaller.
 *
 * @param <C> the topology's configuration (a queue's, a log's)
 * @param <S> the topology's steps
 */
public record Scenario<C, S extends ScenarioStep>(C config, List<S> steps) {

    public Scenario {
        steps = List.copyOf(steps);
    }

    public Scenario<C, S> withSteps(List<S> newSteps) {
        return new Scenario<>(config, newSteps);
    }

    public Scenario<C, S> withConfig(C newConfig) {
        return new Scenario<>(newConfig, steps);
    }
}
