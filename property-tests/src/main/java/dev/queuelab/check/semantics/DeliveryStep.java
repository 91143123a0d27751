package dev.queuelab.check.semantics;

import dev.queuelab.check.ScenarioStep;
import dev.queuelab.reference.semantics.Channel;
import java.util.List;
import java.util.Optional;

/**
 * A pipeline scenario's steps, symbolic: "the oldest request in flight", "consumer C2's next stage". Network
 * faults and crashes are steps like any other.
 */
public sealed interface DeliveryStep extends ScenarioStep {

    @Override
    default List<DeliveryStep> simpler() {
        return List.of();
    }

    /** The producer publishes a new message (keys k1, k2... in order). */
    record Publish() implements DeliveryStep {}

    /** The network does a fault (or none) to the oldest request in flight. */
    record Transmit(Channel.Fault fault) implements DeliveryStep {
        @Override
        public List<DeliveryStep> simpler() {
            return fault == Channel.Fault.NONE ? List.of() : List.of(new Transmit(Channel.Fault.NONE));
        }
    }

    /** The oldest request in flight is held back behind the others. */
    record Delay() implements DeliveryStep {}

    /** The two oldest requests in flight swap places. */
    record Reorder() implements DeliveryStep {}

    /** The producer's retry timer fires. */
    record Retry() implements DeliveryStep {}

    /** Consumer C{consumer} receives one message. */
    record Receive(int consumer) implements DeliveryStep {
        @Override
        public List<DeliveryStep> simpler() {
            return consumer == 1 ? List.of() : List.of(new Receive(1));
        }
    }

    /** Consumer C{consumer} carries out the next stage (ack, effect, mark, commit) of what it holds. */
    record Advance(int consumer) implements DeliveryStep {
        @Override
        public List<DeliveryStep> simpler() {
            return consumer == 1 ? List.of() : List.of(new Advance(1));
        }
    }

    /** Consumer C{consumer} crashes and restarts. */
    record Crash(int consumer) implements DeliveryStep {
        @Override
        public List<DeliveryStep> simpler() {
            return consumer == 1 ? List.of() : List.of(new Crash(1));
        }
    }

    /** Time passes. */
    record Tick(int seconds) implements DeliveryStep {
        @Override
        public List<DeliveryStep> simpler() {
            return seconds <= 1 ? List.of() : List.of(new Tick(1));
        }

        @Override
        public Optional<DeliveryStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(seconds + t.seconds())) : Optional.empty();
        }
    }
}
