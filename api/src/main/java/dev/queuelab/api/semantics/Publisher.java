package dev.queuelab.api.semantics;

/** The queue a relay publishes to: a message it accepts reaches the consumers (and the checker) at once. */
public interface Publisher {

    /** Publishes one message; publishing the same id twice delivers it twice (the queue does not deduplicate). */
    void publish(String messageId, String payload);
}
