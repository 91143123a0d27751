package dev.queuelab.api.streams;

/**
 * One line of the extended {@code XPENDING}.
 *
 * @param id         the pending entry's id
 * @param consumer   the consumer that holds it
 * @param idleMillis milliseconds since it was last delivered (read, read again by id, or claimed)
 * @param deliveries how many times it was delivered
 */
public record PendingEntry(StreamId id, String consumer, long idleMillis, long deliveries) {}
