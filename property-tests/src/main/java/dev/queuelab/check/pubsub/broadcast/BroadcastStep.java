package dev.queuelab.check.pubsub.broadcast;

import dev.queuelab.check.ScenarioStep;
import java.util.List;
import java.util.Optional;

/** The broadcast's steps: clients by name, channels and patterns as text, a publish by its channel and size. */
public sealed interface BroadcastStep extends ScenarioStep {

    @Override
    default List<BroadcastStep> simpler() {
        return List.of();
    }

    /** A client opens its connection. */
    record Connect(String client) implements BroadcastStep {}

    /** A client closes its connection. */
    record Disconnect(String client) implements BroadcastStep {}

    /** SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE or PUNSUBSCRIBE. */
    record Subscription(String client, Verb verb, String target) implements BroadcastStep {}

    /** PUBLISH on a channel with a payload of {@code bytes} bytes (the runner makes it unique). */
    record Publish(String channel, int bytes) implements BroadcastStep {
        @Override
        public List<BroadcastStep> simpler() {
            return bytes > 4 ? List.of(new Publish(channel, 4)) : List.of();
        }
    }

    /** A client reads up to {@code max} messages from its buffer. */
    record Read(String client, int max) implements BroadcastStep {}

    /**
     * The clock moves forward. A tick keeps its length when shrunk (it is the soft limit's seconds that matter),
     * and two in a row become one.
     */
    record Tick(int seconds) implements BroadcastStep {
        @Override
        public Optional<BroadcastStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(seconds + t.seconds)) : Optional.empty();
        }
    }

    /** The four subscription commands. */
    enum Verb {
        SUBSCRIBE,
        UNSUBSCRIBE,
        PSUBSCRIBE,
        PUNSUBSCRIBE;

        boolean pattern() {
            return this == PSUBSCRIBE || this == PUNSUBSCRIBE;
        }

        boolean adds() {
            return this == SUBSCRIBE || this == PSUBSCRIBE;
        }
    }
}
