package dev.queuelab.check.pubsub.fanout;

import dev.queuelab.api.pubsub.fanout.SubscriptionConfig;
import dev.queuelab.api.pubsub.fanout.Value;
import dev.queuelab.check.ScenarioStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fanout's steps: subscriptions by name, publications by their content (the runner names them p1, p2...). */
sealed interface FanoutStep extends ScenarioStep {

    @Override
    default List<FanoutStep> simpler() {
        return List.of();
    }

    record Subscribe(String subscription, SubscriptionConfig config) implements FanoutStep {}

    /** A publication: its attributes and body, and on a FIFO topic its group and dedup id (null: by content). */
    record Publish(Map<String, Value> attributes, Map<String, Value> body, String group, String dedupId)
            implements FanoutStep {}

    /** The subscription's queue starts or stops refusing what the topic delivers. */
    record Refuse(String subscription, boolean refusing) implements FanoutStep {}

    /** The subscription's consumer is up: it receives up to {@code max} and acks each. */
    record Consume(String subscription, int max) implements FanoutStep {}

    /** The clock moves forward; two ticks in a row become one, and a tick keeps its side of the dedup window. */
    record Tick(int seconds) implements FanoutStep {
        @Override
        public Optional<FanoutStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(seconds + t.seconds)) : Optional.empty();
        }
    }
}
