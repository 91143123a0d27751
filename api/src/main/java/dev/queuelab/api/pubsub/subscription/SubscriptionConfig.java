package dev.queuelab.api.pubsub.subscription;

import dev.queuelab.api.OutOfRangeException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one subscription behaves. Start from {@link #of(String)} and the {@code with} methods; every value is
 * checked against the range Pub/Sub accepts ({@link PubSubFacts}).
 *
 * @param topic               the topic it receives from (it receives what is published after its creation)
 * @param ackDeadline         how long a delivery is leased before it is delivered again: 10 s to 600 s
 * @param messageOrdering     deliver each ordering key's messages in publish order, redelivering consistently
 * @param deadLetter          the dead-letter policy, or empty (messages are retried until retention ends)
 * @param retainAckedMessages keep acked messages for the retention, so that a seek to a time can replay them
 * @param messageRetention    how long a message is kept from its publish: 10 minutes to 31 days
 */
public record SubscriptionConfig(
        String topic,
        Duration ackDeadline,
        boolean messageOrdering,
        Optional<DeadLetterPolicy> deadLetter,
        boolean retainAckedMessages,
        Duration messageRetention) {

    public SubscriptionConfig {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(deadLetter, "deadLetter (use Optional.empty() for none)");
        within("ackDeadline", ackDeadline, PubSubFacts.MIN_ACK_DEADLINE, PubSubFacts.MAX_ACK_DEADLINE, "10s to 600s");
        within(
                "messageRetention",
                messageRetention,
                PubSubFacts.MIN_RETENTION,
                PubSubFacts.MAX_RETENTION,
                "10 minutes to 31 days");
    }

    private static void within(String name, Duration value, Duration min, Duration max, String range) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new OutOfRangeException(name, value, range);
        }
    }

    /** Pub/Sub's defaults: a 10 s deadline, no ordering, no dead letters, acked messages not kept, 7 days. */
    public static SubscriptionConfig of(String topic) {
        return new SubscriptionConfig(
                topic, PubSubFacts.DEFAULT_ACK_DEADLINE, false, Optional.empty(), false, PubSubFacts.DEFAULT_RETENTION);
    }

    public SubscriptionConfig withAckDeadline(Duration deadline) {
        return new SubscriptionConfig(
                topic, deadline, messageOrdering, deadLetter, retainAckedMessages, messageRetention);
    }

    public SubscriptionConfig withMessageOrdering(boolean ordering) {
        return new SubscriptionConfig(topic, ackDeadline, ordering, deadLetter, retainAckedMessages, messageRetention);
    }

    public SubscriptionConfig withDeadLetter(String deadLetterTopic, int maxDeliveryAttempts) {
        return new SubscriptionConfig(
                topic,
                ackDeadline,
                messageOrdering,
                Optional.of(new DeadLetterPolicy(deadLetterTopic, maxDeliveryAttempts)),
                retainAckedMessages,
                messageRetention);
    }

    public SubscriptionConfig withRetainAckedMessages(boolean retain) {
        return new SubscriptionConfig(topic, ackDeadline, messageOrdering, deadLetter, retain, messageRetention);
    }

    public SubscriptionConfig withMessageRetention(Duration retention) {
        return new SubscriptionConfig(topic, ackDeadline, messageOrdering, deadLetter, retainAckedMessages, retention);
    }
}
