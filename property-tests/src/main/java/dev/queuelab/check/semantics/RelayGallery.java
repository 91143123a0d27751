package dev.queuelab.check.semantics;

import dev.queuelab.api.semantics.Database;
import dev.queuelab.api.semantics.OutboxRow;
import dev.queuelab.api.semantics.OutboxService;
import dev.queuelab.api.semantics.Publisher;
import dev.queuelab.api.semantics.Transaction;
import dev.queuelab.reference.semantics.TransactionalOutbox;
import java.util.List;

/**
 * Outboxes with one mistake each, the reference's relay or its app swapped for a broken one: each must be caught
 * with the anomaly named, in a story short enough to read at a glance.
 */
public final class RelayGallery {

    /** A variant: its name, how to make it, and the anomaly that must catch it. */
    public record Variant(String name, RelayFactory factory, String expected) {}

    @FunctionalInterface
    private interface Relay {
        void relay(Database database, Publisher queue);
    }

    public static final List<Variant> VARIANTS = List.of(
            relay(
                    "mark-before-publish",
                    (db, queue) -> {
                        Transaction tx = db.begin();
                        List<OutboxRow> rows = tx.unsent(TransactionalOutbox.BATCH);
                        rows.forEach(r -> tx.markSent(r.seq()));
                        tx.commit(); // marked sent before the queue has them: a crash now loses them
                        rows.forEach(r -> queue.publish(r.messageId(), r.payload()));
                    },
                    "message-lost"),
            relay(
                    "never-marks",
                    (db, queue) -> {
                        Transaction tx = db.begin();
                        tx.unsent(TransactionalOutbox.BATCH).forEach(r -> queue.publish(r.messageId(), r.payload()));
                        tx.commit();
                    },
                    "duplicate-published"),
            new Variant(
                    "publish-before-commit",
                    () -> new OutboxService() {
                        @Override
                        public void placeOrder(String orderId, String item, Database db, Publisher queue) {
                            Transaction tx = db.begin();
                            tx.insertOrder(orderId, item);
                            tx.insertOutbox(orderId, "order placed: " + item);
                            queue.publish(orderId, "order placed: " + item); // a dual write: before the commit
                            tx.commit();
                        }

                        @Override
                        public void relay(Database db, Publisher queue) {
                            // the app published already: the outbox is only a record
                        }
                    },
                    "uncommitted-published"),
            new Variant(
                    "order-and-message-apart",
                    () -> new OutboxService() {
                        private final OutboxService reference = new TransactionalOutbox();

                        @Override
                        public void placeOrder(String orderId, String item, Database db, Publisher queue) {
                            Transaction message = db.begin();
                            message.insertOutbox(orderId, "order placed: " + item);
                            message.commit(); // the message commits on its own, before the order
                            Transaction order = db.begin();
                            order.insertOrder(orderId, item);
                            order.commit();
                        }

                        @Override
                        public void relay(Database db, Publisher queue) {
                            reference.relay(db, queue);
                        }
                    },
                    "uncommitted-published"));

    private RelayGallery() {}

    private static Variant relay(String name, Relay relay, String expected) {
        return new Variant(
                name,
                () -> new OutboxService() {
                    private final OutboxService reference = new TransactionalOutbox();

                    @Override
                    public void placeOrder(String orderId, String item, Database db, Publisher queue) {
                        reference.placeOrder(orderId, item, db, queue);
                    }

                    @Override
                    public void relay(Database db, Publisher queue) {
                        relay.relay(db, queue);
                    }
                },
                expected);
    }
}
