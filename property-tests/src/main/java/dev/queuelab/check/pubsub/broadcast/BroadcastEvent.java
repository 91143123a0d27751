package dev.queuelab.check.pubsub.broadcast;

import dev.queuelab.api.pubsub.broadcast.Inbox;
import dev.queuelab.api.pubsub.broadcast.Pushed;
import dev.queuelab.check.Event;
import java.time.Instant;

/** What the broadcast answered at each step. */
public sealed interface BroadcastEvent extends Event {

    /** Payloads longer than this are shown by their name and size (a real broker's may be megabytes). */
    int SHOWN = 40;

    /** "m3" padded to 17 bytes as it is; padded to 8 MiB as "m3 (8388608 B)". */
    static String shown(String payload) {
        if (payload.length() <= SHOWN) {
            return payload;
        }
        int name = payload.indexOf('.');
        return (name < 0 ? payload.substring(0, SHOWN) : payload.substring(0, name)) + " ("
                + payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " B)";
    }

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
            return "publisher publishes " + shown(payload) + " on '" + channel + "'";
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
            if (inbox.messages().stream().noneMatch(p -> p.payload().length() > SHOWN)) {
                return inbox.toString();
            }
            StringBuilder out = new StringBuilder("[");
            for (Pushed p : inbox.messages()) {
                out.append(out.length() > 1 ? ", " : "")
                        .append(shown(p.payload()))
                        .append('@')
                        .append(p.channel())
                        .append(p.pattern() == null ? "" : " via " + p.pattern());
            }
            out.append(']');
            return out
                    + (inbox.state() == Inbox.State.CONNECTED
                            ? ""
                            : " (" + inbox.state().name().toLowerCase() + ")");
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
