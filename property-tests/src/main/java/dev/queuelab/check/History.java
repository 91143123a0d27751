package dev.queuelab.check;

import java.time.Instant;
import java.util.List;

/**
 * A run's record, in any topology: the configuration, what the harness says the implementation supports (never
 * what it says of itself), when it started, every event in order with the operation that produced it ({@link
 * Op}: invoked, completed, ok, fail or unknown), and where the scenario's own steps end (later events are the
 * checker's final drain).
 *
 * <p>A simulation runs one step at a time, so its operations never overlap ({@link #simulated}); real threads and
 * real brokers record overlapping operations and answers that never came, and the model judges both.
 *
 * @param <C> the topology's configuration
 * @param <K> the topology's capabilities record
 * @param <E> the topology's events
 */
public record History<C, K, E extends Event>(
        C config, K capabilities, Instant start, List<E> events, List<Op> ops, int lastScenarioStep) {

    public History {
        events = List.copyOf(events);
        ops = List.copyOf(ops);
        if (ops.size() != events.size()) {
            throw new IllegalArgumentException(
                    "one operation per event: " + events.size() + " events, " + ops.size() + " operations");
        }
    }

    /** A simulation's history: one step at a time, each operation invoked and completed within its step. */
    public static <C, K, E extends Event> History<C, K, E> simulated(
            C config, K capabilities, Instant start, List<E> events, int lastScenarioStep) {
        List<Op> ops = events.stream()
                .map(e -> Op.sequential(e.process(), e.step(), e.outcome()))
                .toList();
        return new History<>(config, capabilities, start, events, ops, lastScenarioStep);
    }

    /** The step of the last event: where the checker's drain ended. */
    public int lastStep() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).step();
    }

    /** True when the implementation threw before answering anything: the failure is in its creation. */
    public boolean failedAtCreation() {
        return events.stream().allMatch(Event::threw);
    }
}
