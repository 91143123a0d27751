package dev.queuelab.api.semantics;

/**
 * A service with a transactional outbox: it writes an order and the message announcing it in one local
 * transaction, and a relay publishes the outbox's rows afterwards. The process may die between any two calls
 * either makes; what the database committed survives.
 *
 * <p>An implementation takes no argument in its constructor.
 */
public interface OutboxService {

    /** The business write and its message: both, or neither. */
    void placeOrder(String orderId, String item, Database database, Publisher queue);

    /** Publishes the rows not yet sent and marks them sent. */
    void relay(Database database, Publisher queue);
}
