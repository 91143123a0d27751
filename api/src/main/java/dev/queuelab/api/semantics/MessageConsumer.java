package dev.queuelab.api.semantics;

/**
 * A consumer's handling of one delivery: its effect, its memory of what it processed, its ack. The process may
 * die between any two calls it makes; a new instance (a restarted process) then finds only what the database
 * committed, and the queue redelivers what was not acked.
 *
 * <p>An implementation takes {@code (ConsumerConfig config, InstantSource clock)} in its constructor.
 */
public interface MessageConsumer {

    /** Handles one delivery, using {@code database} for everything that must outlive a crash. */
    void consume(Delivery delivery, Database database);
}
