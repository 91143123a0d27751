package dev.queuelab.check.semantics;

import dev.queuelab.check.Event;
import dev.queuelab.check.Op;
import java.time.Instant;
import java.util.List;

/** What happened at each step of a consumer scenario, and what the world outside and the database recorded. */
public sealed interface ConsumerEvent extends Event {

    /** A call of the producer, the network or the clock, and whether it was a fault. */
    record Call(int step, Instant at, String process, String action, String answer, boolean fault)
            implements ConsumerEvent {
        @Override
        public boolean fault() {
            return fault;
        }

        @Override
        public Op.Outcome outcome() {
            return fault ? Op.Outcome.UNKNOWN : Op.Outcome.OK;
        }
    }

    /** The producer publishes a new key. */
    record Published(int step, Instant at, String key) implements ConsumerEvent, Event.ByProducer {
        @Override
        public String producer() {
            return "P";
        }

        @Override
        public String action() {
            return "P publishes " + key;
        }

        @Override
        public String answer() {
            return "sent " + key;
        }
    }

    /**
     * A consumer received one message (key null when nothing came) and consumed it: the calls its code made, and
     * whether its process died midway; {@code due} when the table held a mark its TTL had already run out on.
     */
    record Consumed(
            int step,
            Instant at,
            String consumer,
            String action,
            String answer,
            String key,
            boolean crashed,
            boolean crashedMidway,
            boolean due)
            implements ConsumerEvent, Event.ByConsumer {
        @Override
        public boolean fault() {
            return crashed;
        }

        @Override
        public Op.Outcome outcome() {
            return crashed ? Op.Outcome.UNKNOWN : Op.Outcome.OK;
        }
    }

    /** The effect store (the world outside) recorded a side effect of the message with this key. */
    record Effected(int step, Instant at, String key, String by, int number) implements ConsumerEvent {
        @Override
        public String process() {
            return "effects";
        }

        @Override
        public String action() {
            return by + "'s transaction commits an effect";
        }

        @Override
        public String answer() {
            return "effect #" + number + " of " + key;
        }
    }

    /** After a commit, the checker reads the dedupe table: the marks older than the TTL still in it. */
    record Stale(int step, Instant at, List<String> keys) implements ConsumerEvent, Event.ByChecker {
        public Stale {
            keys = List.copyOf(keys);
        }

        @Override
        public String action() {
            return "checker reads the committed dedupe table";
        }

        @Override
        public String answer() {
            return "still marked past their TTL: " + String.join(", ", keys);
        }
    }

    /** After the drain, the queue still hands a message out: nobody acked it. */
    record Left(int step, Instant at, String key, int receives) implements ConsumerEvent, Event.ByChecker {
        @Override
        public String action() {
            return "checker looks at the queue after the drain";
        }

        @Override
        public String answer() {
            return key + " was handed out " + receives + " times and is still in the queue";
        }
    }

    record Threw(int step, Instant at, String action, String error) implements ConsumerEvent, Event.Thrown {}
}
