package dev.queuelab.api.pubsub.subscription;

import dev.queuelab.api.OutOfRangeException;
import java.util.Objects;

/**
 * Where a message goes after {@code maxDeliveryAttempts} failed deliveries (nacks or expired deadlines): it is
 * published to {@code deadLetterTopic} and leaves the subscription.
 *
 * @param deadLetterTopic     an existing topic (give it a subscription: a topic without one keeps nothing)
 * @param maxDeliveryAttempts 5 to 100, as Pub/Sub accepts ({@link PubSubFacts#MAX_DELIVERY_ATTEMPTS})
 */
public record DeadLetterPolicy(String deadLetterTopic, int maxDeliveryAttempts) {

    /** The dead-letter copy's attribute naming the subscription it failed on, as Pub/Sub names it. */
    public static final String SOURCE_SUBSCRIPTION = "CloudPubSubDeadLetterSourceSubscription";

    /** The dead-letter copy's attribute counting the delivery attempts it failed, as Pub/Sub names it. */
    public static final String SOURCE_DELIVERY_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount";

    public DeadLetterPolicy {
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        if (maxDeliveryAttempts < PubSubFacts.MIN_DELIVERY_ATTEMPTS
                || maxDeliveryAttempts > PubSubFacts.MAX_DELIVERY_ATTEMPTS) {
            throw new OutOfRangeException(
                    "maxDeliveryAttempts",
                    maxDeliveryAttempts,
                    PubSubFacts.MIN_DELIVERY_ATTEMPTS + " to " + PubSubFacts.MAX_DELIVERY_ATTEMPTS);
        }
    }
}
