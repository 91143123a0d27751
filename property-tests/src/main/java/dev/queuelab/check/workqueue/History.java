package dev.queuelab.check.workqueue;

import dev.queuelab.api.WorkQueueConfig;
import java.time.Instant;
import java.util.List;

/**
 * A run's record: the configuration, when it started, every event in order, and where the scenario's own
 * steps end (events after {@code lastScenarioStep} belong to the final drain).
 */
public record History(WorkQueueConfig config, Instant start, List<Event> events, int lastScenarioStep) {
}
