package dev.queuelab.check.backpressure;

import dev.queuelab.check.ScenarioStep;
import java.util.List;
import java.util.Optional;

/** A buffer scenario's steps: the producer offers the next message, the consumer polls, time passes, a restart. */
public sealed interface BufferStep extends ScenarioStep {

    @Override
    default List<BufferStep> simpler() {
        return List.of();
    }

    /** The producer offers a new message (m1, m2... in order). */
    record Offer() implements BufferStep {}

    /** The consumer takes the oldest message. */
    record Poll() implements BufferStep {}

    /** The buffer's process crashes and restarts. */
    record Restart() implements BufferStep {}

    /** Time passes; waiting offers whose deadline passed are answered. */
    record Tick(int seconds) implements BufferStep {
        @Override
        public List<BufferStep> simpler() {
            return seconds <= 1 ? List.of() : List.of(new Tick(1));
        }

        @Override
        public Optional<BufferStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(seconds + t.seconds())) : Optional.empty();
        }
    }
}
