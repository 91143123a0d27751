package dev.queuelab.api.pubsub.subscription;

/**
 * What an implementation of {@link PubSubService} supports, known without making one; a property about a part it
 * does not support is skipped, never passed.
 *
 * @param ordering    message ordering on a subscription (ordering keys)
 * @param deadLetters a dead-letter policy with max delivery attempts
 * @param seek        seek to a time, snapshots and seek to a snapshot
 */
public record SubscriptionCapabilities(boolean ordering, boolean deadLetters, boolean seek) {

    public static final SubscriptionCapabilities ALL = new SubscriptionCapabilities(true, true, true);
}
