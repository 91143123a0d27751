package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.Published;
import dev.queuelab.check.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the broker answered at each step, exactly as it came. */
public sealed interface ExchangeEvent extends Event {

    /** A consumer of the setup started consuming (before the first step, or the drainer's). */
    record Consumed(int step, Instant at, String consumer, String queue, String tag)
            implements ExchangeEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " consumes " + queue;
        }

        @Override
        public String answer() {
            return tag;
        }
    }

    record Publish(
            int step,
            Instant at,
            String exchange,
            String routingKey,
            Map<String, String> headers,
            String body,
            boolean mandatory,
            int ttlSeconds,
            Published published)
            implements ExchangeEvent, Event.ByProducer {
        @Override
        public String producer() {
            return "P";
        }

        @Override
        public String action() {
            return "P publishes " + body + " to " + exchange + " key '" + routingKey + "'"
                    + (headers.isEmpty() ? "" : " headers " + new TreeMap<>(headers))
                    + (mandatory ? " mandatory" : "") + (ttlSeconds > 0 ? " expiration " + ttlSeconds + "s" : "");
        }

        @Override
        public String answer() {
            return String.valueOf(published);
        }
    }

    record Received(int step, Instant at, String consumer, String tag, List<Delivery> deliveries)
            implements ExchangeEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " receives";
        }

        @Override
        public String answer() {
            return deliveries == null ? "null" : deliveries.isEmpty() ? "nothing" : deliveries.toString();
        }
    }

    record Settled(
            int step,
            Instant at,
            String consumer,
            String channel,
            ExchangeStep.Kind kind,
            long deliveryTag,
            boolean multiple,
            boolean requeue,
            String body,
            int settled)
            implements ExchangeEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + "s " + body + " (#" + deliveryTag
                    + (multiple ? ", multiple" : "")
                    + (kind == ExchangeStep.Kind.ACK ? "" : requeue ? ", requeue" : ", no requeue")
                    + ")";
        }

        @Override
        public String answer() {
            return settled + " settled";
        }
    }

    /** The consumer failed: its channel closed, and what it held goes back to its queues. */
    record Closed(int step, Instant at, String consumer, String channel) implements ExchangeEvent, Event.ByConsumer {
        @Override
        public String answer() {
            return "";
        }

        @Override
        public String action() {
            return consumer + "'s channel " + channel + " closes (the consumer failed)";
        }
    }

    record Ticked(int step, Instant at, int seconds) implements ExchangeEvent, Event.ByChecker {
        @Override
        public String action() {
            return "time passes " + seconds + "s";
        }

        @Override
        public String answer() {
            return "";
        }
    }

    record Looked(int step, Instant at, String queue, boolean exists) implements ExchangeEvent, Event.ByChecker {
        @Override
        public String action() {
            return "the checker asks whether " + queue + " exists";
        }

        @Override
        public String answer() {
            return exists ? "yes" : "no";
        }
    }

    record Skipped(int step, Instant at, String action, String why) implements ExchangeEvent, Event.NotTaken {}

    record Threw(int step, Instant at, String action, String error) implements ExchangeEvent, Event.Thrown {}
}
