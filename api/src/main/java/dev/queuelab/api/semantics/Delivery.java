package dev.queuelab.api.semantics;

/** One delivery of a message from a work queue to a consumer. */
public interface Delivery {

    /** The message's idempotency key: the same on every copy and every redelivery of one published message. */
    String key();

    /** How the queue names this stored copy ("m2"): a copy made by a producer's retry has an id of its own. */
    String messageId();

    /** How many times the queue has handed this copy out, this time included (1 the first time). */
    int receiveCount();

    /**
     * Deletes the message from the queue; false when the lease ran out and the message is someone else's now.
     * Until it is acked, the queue hands the message out again once its visibility timeout has passed.
     */
    boolean ack();
}
