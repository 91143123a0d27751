package dev.queuelab.check.semantics;

import dev.queuelab.check.Event;
import dev.queuelab.check.Op;
import java.time.Instant;
import java.util.List;

/** What happened at each step of an outbox scenario, and what the checker read at the end. */
public sealed interface RelayEvent extends Event {

    /**
     * The app or the relay ran: the calls its code made, and whether it died midway ({@code afterPublish}: after
     * at least one publish of that run).
     */
    record Ran(
            int step, Instant at, String process, String action, String answer, boolean crashed, boolean afterPublish)
            implements RelayEvent {
        @Override
        public boolean fault() {
            return crashed;
        }

        @Override
        public Op.Outcome outcome() {
            return crashed ? Op.Outcome.UNKNOWN : Op.Outcome.OK;
        }
    }

    /** The checker reads the committed database and everything the queue received, from outside. */
    record Read(int step, Instant at, List<String> orders, List<String> outbox, List<String> received)
            implements RelayEvent, Event.ByChecker {
        public Read {
            orders = List.copyOf(orders);
            outbox = List.copyOf(outbox);
            received = List.copyOf(received);
        }

        @Override
        public String action() {
            return "checker reads the database and the queue";
        }

        @Override
        public String answer() {
            return "orders " + orders + ", outbox " + outbox + ", received " + received;
        }
    }

    record Threw(int step, Instant at, String action, String error) implements RelayEvent, Event.Thrown {}
}
