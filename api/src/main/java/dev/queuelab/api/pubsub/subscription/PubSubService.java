package dev.queuelab.api.pubsub.subscription;

import java.time.Instant;
import java.util.List;

/**
 * Topics and subscriptions as Google Cloud Pub/Sub has them: every subscription of a topic receives every
 * message published to the topic after the subscription was created, and keeps it until it is acked or its
 * retention ends, whether its subscriber pulls or not. Pull is the delivery mode (push hands the same deliveries
 * to an endpoint, acking on a 2xx answer).
 */
public interface PubSubService {

    void createTopic(String topic);

    /** Creates a subscription; it receives the messages published to its topic from now on. */
    void createSubscription(String subscription, SubscriptionConfig config);

    /** Publishes to every subscription of the topic and answers the new message's id. */
    String publish(String topic, PubSubMessage message);

    /** Up to {@code maxMessages} (1 to 1,000) deliveries, each leased for the subscription's ack deadline. */
    List<ReceivedMessage> pull(String subscription, int maxMessages);

    /** Acks one delivery; false when its lease is gone (expired, nacked, delivered again, seeked over). */
    boolean acknowledge(String subscription, String ackId);

    /**
     * Sets a delivery's deadline to {@code seconds} (0 to 600) from now; 0 is a nack: the message may be delivered
     * again at once. False when the lease is gone.
     */
    boolean modifyAckDeadline(String subscription, String ackId, int seconds);

    /** Marks the messages published before {@code time} acked and those published at or after it unacked. */
    void seek(String subscription, Instant time);

    /** Keeps the subscription's acknowledgement state now, and the messages published from now on. */
    void createSnapshot(String snapshot, String subscription);

    /** Sets the subscription's acknowledgement state to the snapshot's. */
    void seekToSnapshot(String subscription, String snapshot);
}
