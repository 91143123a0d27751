package dev.queuelab.check.semantics;

import dev.queuelab.check.Event;
import dev.queuelab.check.Op;
import java.time.Instant;
import java.util.List;

/** What happened at each step of a pipeline scenario, and what the world outside recorded. */
public sealed interface DeliveryEvent extends Event {

    /**
     * A call of the pipeline: who made it (the producer P, the network, a consumer, the checker's clock), what
     * it was, what came of it, and whether it was a fault (a lost request or answer, a duplicate, a crash).
     */
    record Call(int step, Instant at, String process, String action, String answer, boolean fault)
            implements DeliveryEvent {
        @Override
        public boolean fault() {
            return fault;
        }

        @Override
        public Op.Outcome outcome() {
            return fault ? Op.Outcome.UNKNOWN : Op.Outcome.OK;
        }
    }

    /** The effect store (the world outside) recorded a side effect of the message with this key. */
    record Effected(int step, Instant at, String key, String by, int number) implements DeliveryEvent {
        @Override
        public String process() {
            return "effects";
        }

        @Override
        public String action() {
            return by + " causes an effect";
        }

        @Override
        public String answer() {
            return "effect #" + number + " of " + key;
        }
    }

    /** The checker reads the log's output partition as a read_committed consumer (after the drain). */
    record Output(int step, Instant at, List<String> keys) implements DeliveryEvent, Event.ByChecker {
        public Output {
            keys = List.copyOf(keys);
        }

        @Override
        public String action() {
            return "checker reads the output read_committed";
        }

        @Override
        public String answer() {
            return keys.isEmpty() ? "nothing" : String.join(", ", keys);
        }
    }

    record Threw(int step, Instant at, String action, String error) implements DeliveryEvent, Event.Thrown {}
}
