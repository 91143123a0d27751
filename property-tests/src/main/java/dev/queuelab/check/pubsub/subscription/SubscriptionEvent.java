package dev.queuelab.check.pubsub.subscription;

import dev.queuelab.api.Durations;
import dev.queuelab.api.pubsub.subscription.PubSubMessage;
import dev.queuelab.api.pubsub.subscription.ReceivedMessage;
import dev.queuelab.check.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What happened at one step: the call made and what the service answered, exactly as it came. A history is a list
 * of these; the model reads nothing else. Each event tells its own line of the story.
 */
public sealed interface SubscriptionEvent extends Event {

    /** The operator's and the checker's calls: none answers more than that it was done. */
    sealed interface ByOperator extends SubscriptionEvent, Event.ByChecker {
        @Override
        default String answer() {
            return "";
        }
    }

    /** A subscriber's calls, each on its own subscription. */
    sealed interface BySubscriber extends SubscriptionEvent, Event.ByConsumer {
        String subscription();

        @Override
        default String consumer() {
            return "subscriber of " + subscription();
        }
    }

    /** How a delivery reads in a story: "m2 (attempt 3)". */
    static String brief(ReceivedMessage r) {
        if (r == null) {
            return "null";
        }
        String data = r.message() == null ? "?" : r.message().data();
        return data + (r.deliveryAttempt() > 0 ? " (attempt " + r.deliveryAttempt() + ")" : "");
    }

    /** A publish and the id it answered (null when it answered none). */
    record Published(int step, Instant at, PubSubMessage message, String id) implements SubscriptionEvent {
        @Override
        public String process() {
            return "publisher";
        }

        @Override
        public String action() {
            return "publisher publishes " + message.data()
                    + (message.orderingKey().isEmpty() ? "" : " with ordering key " + message.orderingKey());
        }

        @Override
        public String answer() {
            return "id " + id;
        }
    }

    /** A subscription created during the scenario. */
    record Subscribed(int step, Instant at, String subscription) implements ByOperator {
        @Override
        public String action() {
            return "operator creates subscription " + subscription;
        }
    }

    /** A pull and what it handed out ({@code got} is recorded as it came, null included). */
    record Pulled(int step, Instant at, String subscription, int max, List<ReceivedMessage> got)
            implements BySubscriber {

        @Override
        public String action() {
            return consumer() + " pulls up to " + max;
        }

        @Override
        public String answer() {
            if (got == null) {
                return "null";
            }
            return got.isEmpty()
                    ? "nothing"
                    : got.stream().map(SubscriptionEvent::brief).collect(Collectors.joining(", "));
        }
    }

    /** An ack of one delivery and whether it took effect. */
    record Acked(int step, Instant at, String subscription, ReceivedMessage of, boolean result)
            implements BySubscriber {

        @Override
        public String action() {
            return consumer() + " acks " + brief(of);
        }

        @Override
        public String answer() {
            return result ? "acked" : "refused (its lease is gone)";
        }
    }

    /** A modifyAckDeadline (0 s: a nack) and whether it took effect. */
    record Modified(int step, Instant at, String subscription, ReceivedMessage of, int seconds, boolean result)
            implements BySubscriber {

        @Override
        public String action() {
            return consumer()
                    + (seconds == 0 ? " nacks " + brief(of) : " extends " + brief(of) + " to " + seconds + "s");
        }

        @Override
        public String answer() {
            return result ? "done" : "refused (its lease is gone)";
        }
    }

    record Ticked(int step, Instant at, Duration by) implements ByOperator {
        @Override
        public String action() {
            return "time passes " + Durations.brief(by);
        }
    }

    /** A seek to a time; {@code target} is said as the step chose it ("m2's publish time"). */
    record Seeked(int step, Instant at, String subscription, Instant time, String target) implements ByOperator {
        @Override
        public String action() {
            return "operator seeks " + subscription + " to " + target;
        }
    }

    /** A snapshot taken of a subscription, or with {@code seek} the subscription seeked to it. */
    record Snapshot(int step, Instant at, String subscription, String snapshot, boolean seek) implements ByOperator {
        @Override
        public String action() {
            return "operator "
                    + (seek
                            ? "seeks " + subscription + " to snapshot " + snapshot
                            : "takes snapshot " + snapshot + " of " + subscription);
        }
    }

    record Skipped(int step, Instant at, String action, String why) implements SubscriptionEvent, Event.NotTaken {}

    record Threw(int step, Instant at, String action, String error) implements SubscriptionEvent, Event.Thrown {}
}
