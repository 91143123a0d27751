package dev.queuelab.api.pubsub.subscription;

import java.time.Instant;

/**
 * One delivery of a message to a subscription.
 *
 * @param ackId           names this delivery: {@code acknowledge} and {@code modifyAckDeadline} take it; no two
 *                        deliveries share one
 * @param messageId       the id publish answered
 * @param message         what was published
 * @param publishTime     when the service accepted the publish
 * @param deliveryAttempt 1 + the nacks and expired deadlines of this message on this subscription, on a
 *                        subscription with a dead-letter policy; 0 on one without (as Pub/Sub leaves it unset)
 */
public record ReceivedMessage(
        String ackId, String messageId, PubSubMessage message, Instant publishTime, int deliveryAttempt) {}
