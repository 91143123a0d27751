package dev.queuelab.check.recipe;

import dev.queuelab.check.Event;
import java.time.Instant;

/** What the tally answered at each step; every call is the counter's own. */
sealed interface TallyEvent extends Event {

    record Incremented(int step, Instant at, long count) implements TallyEvent {
        @Override
        public String process() {
            return "counter";
        }

        @Override
        public String action() {
            return "counter increments";
        }

        @Override
        public String answer() {
            return "count " + count;
        }
    }

    record Read(int step, Instant at, long count) implements TallyEvent {
        @Override
        public String process() {
            return "counter";
        }

        @Override
        public String action() {
            return "counter reads";
        }

        @Override
        public String answer() {
            return "count " + count;
        }
    }

    record Threw(int step, Instant at, String action, String error) implements TallyEvent, Event.Thrown {}
}
