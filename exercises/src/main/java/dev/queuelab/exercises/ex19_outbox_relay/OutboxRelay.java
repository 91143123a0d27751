package dev.queuelab.exercises.ex19_outbox_relay;

import dev.queuelab.api.semantics.Database;
import dev.queuelab.api.semantics.OutboxRow;
import dev.queuelab.api.semantics.OutboxService;
import dev.queuelab.api.semantics.Publisher;
import dev.queuelab.api.semantics.Transaction;

/**
 * Exercise 19: the outbox relay.
 *
 * Teaches: a service cannot write its database and publish to a broker atomically, but it can write the order and
 * its message as rows of one local transaction, and a relay publishes the rows afterwards. The relay publishes,
 * then marks the row sent: a crash between the two publishes the row again (at-least-once, so the consumer
 * downstream is idempotent); marking first would lose the message to the same crash.
 * Invariants (numbered as in the checks' RelayRule): RL1 every committed order's message reaches the queue;
 * RL2 nothing uncommitted does; RL3 a copy is repeated only after a crash cut the relay; RL4 an order and its
 * outbox row commit together.
 * Thread-safety: the checks call it from one thread; all it keeps is in the database.
 * Real world: Debezium's outbox router, Spring Modulith's event publication registry, a polling publisher.
 */
public class OutboxRelay implements OutboxService {

    /** How many rows one run of the relay takes at most. */
    static final int BATCH = 10;

    public OutboxRelay() {}

    // ---- given: the business write and its message, in one transaction ----

    @Override
    public void placeOrder(String orderId, String item, Database database, Publisher queue) {
        Transaction tx = database.begin();
        tx.insertOrder(orderId, item);
        tx.insertOutbox(orderId, "order placed: " + item);
        tx.commit();
    }

    // ---- the relay (this exercise) ----

    @Override
    public void relay(Database database, Publisher queue) {
        // exercise 19: OutboxRelay.relay as a first try writes it: it runs, and `queuelab check 19` shows how it fails. Yours to rewrite: the task is in the README.md.
        Transaction tx = database.begin();
        java.util.List<OutboxRow> rows = tx.unsent(BATCH);
        for (OutboxRow row : rows) {
            tx.markSent(row.seq());
        }
        tx.commit();
        for (OutboxRow row : rows) {
            queue.publish(row.messageId(), row.payload());
        }
    }
}
