package dev.queuelab.check.pubsub.broadcast;

import dev.queuelab.api.pubsub.broadcast.Inbox;
import dev.queuelab.check.Event;
import java.time.Instant;

/** What the broadcast answered at each step. */
sealed interface BroadcastEvent extends Event {

    /** A client connected or disconnected; {@code answer} is what the call returned. */
    record Connection(int step, Instant at, String consumer, boolean connect, boolean done)
            implements BroadcastEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + (connect ? " connects" : " disconnects");
        }

        @Override
        public String answer() {
            return done ? "ok" : "refused";
        }
    }

    record Subscribed(int step, Instant at, String consumer, BroadcastStep.Verb verb, String target, boolean done)
            implements BroadcastEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " " + verb.name().toLowerCase() + "s '" + target + "'";
        }

        @Override
        public String answer() {
            return done ? "ok" : "refused";
        }
    }

    record Published(int step, Instant at, String channel, String payload, int receivers)
            implements BroadcastEvent, Event.ByProducer {
        @Override
        public String producer() {
            return "publisher";
        }

        @Override
        public String action() {
            return "publisher publishes " + payload + " on '" + channel + "'";
        }

        @Override
        public String answer() {
            return receivers + " receivers";
        }
    }

    record Read(int step, Instant at, String consumer, int max, Inbox inbox)
            implements BroadcastEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " reads up to " + max;
        }

        @Override
        public String answer() {
            return inbox.toString();
        }
    }

    record Ticked(int step, Instant at, int seconds) implements BroadcastEvent, Event.ByChecker {
        @Override
        public String action() {
            return "clock advances " + seconds + "s";
        }

        @Override
        public String answer() {
            return "";
        }
    }

    record Threw(int step, Instant at, String action, String error) implements BroadcastEvent, Event.Thrown {}
}
