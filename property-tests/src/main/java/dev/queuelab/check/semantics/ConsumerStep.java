package dev.queuelab.check.semantics;

import dev.queuelab.check.ScenarioStep;
import dev.queuelab.reference.semantics.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A consumer scenario's steps: the producer and the network as in the pipeline, and one consume per step. */
public sealed interface ConsumerStep extends ScenarioStep {

    @Override
    default List<ConsumerStep> simpler() {
        return List.of();
    }

    /** The producer publishes a new message (keys k1, k2... in order). */
    record Publish() implements ConsumerStep {}

    /** The network does a fault (or none) to the oldest request in flight. */
    record Transmit(Channel.Fault fault) implements ConsumerStep {
        @Override
        public List<ConsumerStep> simpler() {
            return fault == Channel.Fault.NONE ? List.of() : List.of(new Transmit(Channel.Fault.NONE));
        }
    }

    /** The producer's retry timer fires. */
    record Retry() implements ConsumerStep {}

    /**
     * Consumer C{consumer} receives one message and consumes it; with {@code crashAt} 0 or more, its process dies
     * before its call number {@code crashAt} (from 0) and restarts.
     */
    record Consume(int consumer, int crashAt) implements ConsumerStep {
        @Override
        public List<ConsumerStep> simpler() {
            List<ConsumerStep> out = new ArrayList<>();
            if (consumer != 1) {
                out.add(new Consume(1, crashAt));
            }
            if (crashAt >= 0) {
                out.add(new Consume(consumer, -1));
            }
            return out;
        }
    }

    /** Time passes. */
    record Tick(int seconds) implements ConsumerStep {
        @Override
        public List<ConsumerStep> simpler() {
            return seconds <= 1 ? List.of() : List.of(new Tick(1));
        }

        @Override
        public Optional<ConsumerStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(seconds + t.seconds())) : Optional.empty();
        }
    }
}
