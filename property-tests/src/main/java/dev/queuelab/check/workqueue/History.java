package dev.queuelab.check.workqueue;

import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Instant;
import java.util.List;

/**
 * A run's record: the configuration, what the implementation promises, when it started, every event in
 * order, and where the scenario's own steps end (events after {@code lastScenarioStep} are the final drain).
 *
 * <p>{@code concurrent} marks a history recorded by real threads: its order is only as good as the threads
 * could make it (a send is recorded before it takes effect), so the checks that need each receive to see
 * exactly the sends before it (a withheld message: missing-redelivery, poison-blocks-queue) are left to
 * the simulations; every other check runs, and the final drain still finds a lost message.
 */
public record History(
        WorkQueueConfig config,
        WorkQueueCapabilities capabilities,
        Instant start,
        List<Event> events,
        int lastScenarioStep,
        boolean concurrent) {

    public static History simulated(
            WorkQueueConfig config,
            WorkQueueCapabilities capabilities,
            Instant start,
            List<Event> events,
            int lastScenarioStep) {
        return new History(config, capabilities, start, events, lastScenarioStep, false);
    }
}
