package dev.queuelab.check.recipe;

import dev.queuelab.check.Event;
import dev.queuelab.check.Op;
import java.time.Instant;

/** What the tally answered at each step; every call is the counter's own, and every answer an ok. */
sealed interface TallyEvent extends Event {

    @Override
    default String process() {
        return "counter";
    }

    @Override
    default Op.Outcome outcome() {
        return Op.Outcome.OK;
    }

    record Incremented(int step, Instant at, long count) implements TallyEvent {
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
        public String action() {
            return "counter reads";
        }

        @Override
        public String answer() {
            return "count " + count;
        }
    }

    record Threw(int step, Instant at, String action, String error) implements TallyEvent {
        @Override
        public String answer() {
            return "threw " + error;
        }

        @Override
        public Op.Outcome outcome() {
            return Op.Outcome.UNKNOWN;
        }

        @Override
        public boolean threw() {
            return true;
        }
    }
}
