package dev.queuelab.reference.semantics;

import java.util.Optional;

/**
 * What a pipeline needs of a topology, and all it needs: store a producer's request, hand one message to a
 * consumer, take an acknowledgement, and forget what a crashed consumer held. {@link QueueBroker} puts it on
 * the work-queue contract, {@link LogBroker} on the partitioned log's.
 *
 * Teaches: delivery semantics sit above the broker: the same four calls give at-most-once, at-least-once or an
 * idempotent pipeline, depending only on what the producer and the consumer do around them.
 * Invariants (numbered as in {@link Pipeline}): DL4 a request carries its message's idempotency key.
 * Thread-safety: as the contract under it; {@link Pipeline} calls it from one thread.
 * Real world: the client library between an application and SQS or Kafka.
 */
public interface Broker {

    /**
     * One attempt to publish the message with an idempotency key: its first attempt is 1, and its sequence
     * number (used by an idempotent producer on the log) is fixed when the message is first published.
     */
    record Request(String key, int attempt, int sequence) {}

    /** What the broker answered: whether the message is stored (a duplicate it recognised counts) and how. */
    record Answer(boolean stored, String text) {}

    /** A message a consumer holds: its idempotency key, how the broker names it, and the handle to ack it by. */
    record Received(String key, String name, Object handle) {}

    Answer publish(Request request);

    /** At most one message for this consumer. */
    Optional<Received> receive(String consumer);

    /** Acknowledges a message: true when the broker took it (a stale ack changes nothing). */
    boolean ack(String consumer, Received received);

    /** The consumer restarted: what it held is the broker's again (a lease runs out, a position is reset). */
    void crashed(String consumer);
}
