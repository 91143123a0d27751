package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.check.ScenarioStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The broker's steps, symbolic: a consumer by its story name, a delivery by its place among those the consumer
 * holds (0: its oldest). A publish's body is numbered by the runner (m1, m2...).
 */
public sealed interface ExchangeStep extends ScenarioStep {

    /**
     * Publishes to the setup's first exchange; {@code ttlSeconds} 0 is no per-message expiration; an accented
     * body ends in "\u00e9", one character of two UTF-8 bytes.
     */
    record Publish(String routingKey, Map<String, String> headers, boolean mandatory, int ttlSeconds, boolean accented)
            implements ExchangeStep {
        public Publish {
            headers = Map.copyOf(headers);
        }

        Publish(String routingKey, Map<String, String> headers, boolean mandatory, int ttlSeconds) {
            this(routingKey, headers, mandatory, ttlSeconds, false);
        }

        @Override
        public List<ExchangeStep> simpler() {
            List<ExchangeStep> out = new ArrayList<>();
            if (ttlSeconds > 0) {
                out.add(new Publish(routingKey, headers, mandatory, 0, accented));
            }
            if (mandatory) {
                out.add(new Publish(routingKey, headers, false, ttlSeconds, accented));
            }
            if (accented) {
                out.add(new Publish(routingKey, headers, mandatory, ttlSeconds, false));
            }
            return out;
        }
    }

    /** The consumer reads what the broker pushes it. */
    record Receive(String consumer) implements ExchangeStep {
        @Override
        public List<ExchangeStep> simpler() {
            return List.of();
        }
    }

    /** How a consumer settles a delivery. */
    enum Kind {
        ACK,
        NACK,
        REJECT
    }

    /** The consumer settles its {@code nth} oldest delivery (and, with {@code multiple}, all before it on its channel). */
    record Settle(String consumer, int nth, Kind kind, boolean multiple, boolean requeue) implements ExchangeStep {
        @Override
        public List<ExchangeStep> simpler() {
            List<ExchangeStep> out = new ArrayList<>();
            if (nth > 0) {
                out.add(new Settle(consumer, 0, kind, multiple, requeue));
            }
            if (multiple) {
                out.add(new Settle(consumer, nth, kind, false, requeue));
            }
            return out;
        }
    }

    /** The consumer's channel closes (it failed): the broker requeues what the channel held. */
    record Close(String consumer) implements ExchangeStep {
        @Override
        public List<ExchangeStep> simpler() {
            return List.of();
        }
    }

    /** Time passes. */
    record Tick(int seconds) implements ExchangeStep {
        @Override
        public List<ExchangeStep> simpler() {
            return seconds > 1 ? List.of(new Tick(seconds / 2)) : List.of();
        }

        @Override
        public Optional<ExchangeStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(seconds + t.seconds())) : Optional.empty();
        }
    }
}
