package dev.queuelab.api.pubsub.fanout;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * One SQS subscription of a topic.
 *
 * @param filter          the filter policy, or empty to receive every message
 * @param raw             raw message delivery: the queue gets the body itself and the attributes as its headers;
 *                        otherwise it gets the JSON {@link Notification} envelope and no headers
 * @param deadLetterQueue a redrive policy of the subscription: deliveries the queue refused go to its
 *                        dead-letter queue instead of being dropped
 * @param queue           the subscribed queue's own configuration (FIFO for a FIFO topic)
 */
public record SubscriptionConfig(
        Optional<FilterPolicy> filter, boolean raw, boolean deadLetterQueue, WorkQueueConfig queue) {

    public SubscriptionConfig {
        Objects.requireNonNull(filter, "filter (use Optional.empty() for none)");
        Objects.requireNonNull(queue, "queue");
    }

    public static SubscriptionConfig standard() {
        return new SubscriptionConfig(Optional.empty(), false, false, WorkQueueConfig.standardQueue());
    }
}
