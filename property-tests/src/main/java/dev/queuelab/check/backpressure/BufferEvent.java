package dev.queuelab.check.backpressure;

import dev.queuelab.api.backpressure.Offer;
import dev.queuelab.check.Event;
import dev.queuelab.check.Op;
import java.time.Instant;

/** What happened at each step of a buffer scenario, as the producer, the consumer and the pager saw it. */
public sealed interface BufferEvent extends Event {

    /** The producer offered a message and was answered (or, for a wait that ended, told how it ended). */
    record Offered(int step, Instant at, String action, Offer answerGiven) implements BufferEvent {
        @Override
        public String process() {
            return "P";
        }

        @Override
        public String answer() {
            return answerGiven.toString();
        }

        @Override
        public Op.Outcome outcome() {
            return switch (answerGiven.kind()) {
                case REFUSED, TIMED_OUT, FAILED -> Op.Outcome.FAIL;
                default -> Op.Outcome.OK;
            };
        }
    }

    /** The consumer polled: the message it got, or null. */
    record Polled(int step, Instant at, String message) implements BufferEvent {
        @Override
        public String process() {
            return "C";
        }

        @Override
        public String action() {
            return "C polls";
        }

        @Override
        public String answer() {
            return message == null ? "nothing" : message;
        }
    }

    /** The alarm's listener was told the alarm is raised or cleared. */
    record Alarm(int step, Instant at, boolean raised, int depth) implements BufferEvent {
        @Override
        public String process() {
            return "alarm";
        }

        @Override
        public String action() {
            return raised ? "the alarm is raised" : "the alarm clears";
        }

        @Override
        public String answer() {
            return "depth " + depth;
        }
    }

    /** The buffer's process crashed and restarted. */
    record Restarted(int step, Instant at) implements BufferEvent {
        @Override
        public String process() {
            return "buffer";
        }

        @Override
        public String action() {
            return "the buffer crashes and restarts";
        }

        @Override
        public String answer() {
            return "";
        }

        @Override
        public boolean fault() {
            return true;
        }
    }

    /** The checker's clock moved. */
    record Clock(int step, Instant at, int seconds) implements BufferEvent {
        @Override
        public String process() {
            return "clock";
        }

        @Override
        public String action() {
            return seconds + "s pass";
        }

        @Override
        public String answer() {
            return "now " + at.getEpochSecond() % 86_400 + "s";
        }
    }

    record Threw(int step, Instant at, String action, String error) implements BufferEvent, Event.Thrown {}
}
