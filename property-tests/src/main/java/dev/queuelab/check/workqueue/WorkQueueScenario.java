package dev.queuelab.check.workqueue;

import dev.queuelab.api.WorkQueueConfig;
import java.util.List;

/** A queue's configuration and the steps to run against it: what the generator makes and the shrinker shrinks. */
public record WorkQueueScenario(WorkQueueConfig config, List<Step> steps) {

    public WorkQueueScenario {
        steps = List.copyOf(steps);
    }

    public WorkQueueScenario withSteps(List<Step> newSteps) {
        return new WorkQueueScenario(config, newSteps);
    }

    public WorkQueueScenario withConfig(WorkQueueConfig newConfig) {
        return new WorkQueueScenario(newConfig, steps);
    }
}
