package dev.queuelab.reference.semantics;

import dev.queuelab.api.semantics.Database;
import dev.queuelab.api.semantics.OutboxRow;
import dev.queuelab.api.semantics.OutboxService;
import dev.queuelab.api.semantics.Publisher;
import dev.queuelab.api.semantics.Transaction;

/**
 * The transactional outbox written against the learner's contract: the order and its message in one local
 * transaction; a relay that publishes each pending row, then marks it sent, then commits.
 *
 * Teaches: a crash between the publish and the commit of the mark publishes the row again on the next run
 * (at-least-once, so the consumer downstream must be idempotent); marking first would lose it to the same crash.
 * Invariants (numbered as in the checks' RelayRule): RL1 every committed order's message reaches the queue;
 * RL2 nothing uncommitted does; RL3 a message is published twice only after a crash cut its relay; RL4 an order
 * and its outbox row commit together. The same rules on a real Postgres: {@code Outbox}'s OB1 to OB4.
 * Thread-safety: stateless; each call uses its own transaction.
 * Real world: Debezium's outbox router, Spring Modulith's event publication registry, a polling publisher.
 */
public final class TransactionalOutbox implements OutboxService {

    /** How many rows one relay run takes at most. */
    public static final int BATCH = 10;

    @Override
    public void placeOrder(String orderId, String item, Database database, Publisher queue) {
        Transaction tx = database.begin();
        tx.insertOrder(orderId, item);
        tx.insertOutbox(orderId, "order placed: " + item); // RL4: in the order's own transaction
        tx.commit();
    }

    @Override
    public void relay(Database database, Publisher queue) {
        Transaction tx = database.begin();
        for (OutboxRow row : tx.unsent(BATCH)) {
            queue.publish(row.messageId(), row.payload());
            tx.markSent(row.seq()); // RL1: only once the queue has it
        }
        tx.commit();
    }
}
