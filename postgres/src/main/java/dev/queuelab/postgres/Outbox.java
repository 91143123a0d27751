package dev.queuelab.postgres;

import dev.queuelab.api.workqueue.DuplicateMessageIdException;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.WorkQueue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The transactional outbox: the business write and the message it announces are rows of one local
 * transaction, and a relay publishes the pending rows to a queue and marks them sent.
 *
 * Teaches: a service cannot write its database and publish to a broker atomically (no distributed
 * transaction), but it can write both rows in one local transaction and publish afterwards. The relay
 * publishes, then marks: a crash between the two publishes again (at-least-once, so the consumer must be
 * idempotent); marking first would lose the message to the same crash.
 * Invariants:
 *   OB1 an order and its outbox row commit together or not at all: a crash at any point of
 *       {@link #placeOrder} leaves both or neither;
 *   OB2 every committed outbox row reaches the queue at least once, whatever the relay's crashes, once a
 *       relay runs to the end (it marks a row sent only after the queue accepted the message);
 *   OB3 no message reaches the queue whose business write did not commit;
 *   OB4 the relay takes pending rows with FOR UPDATE SKIP LOCKED: two relays never publish the same row at once.
 * Thread-safety: each method is one or two transactions on the instance's connection, under its monitor; a
 * second relay runs on an instance and connection of its own.
 * Real world: the outbox pattern of Debezium's outbox router, Spring Modulith's event publication registry,
 * and every "publish after commit" service. A {@link Variant} other than the reference breaks one invariant,
 * so that the crash trials ({@link OutboxTrials}) are proven to catch it.
 */
public final class Outbox {

    /** How the outbox is written and relayed: the reference, or one broken line. */
    public enum Variant {
        REFERENCE,
        /** The relay marks the rows sent and commits, then publishes: a crash between loses them (breaks OB2). */
        MARK_BEFORE_PUBLISH,
        /** The message is written in a transaction of its own before the business write (breaks OB1, OB3). */
        MESSAGE_OUTSIDE_TRANSACTION
    }

    /** Where a process may die: called at every point between two statements, it throws {@link Crash} to die there. */
    @FunctionalInterface
    public interface Crashes {
        void at(String point);

        Crashes NEVER = point -> {};
    }

    /** The process died here: what it had not committed is rolled back, what it had committed stays. */
    public static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Crash(String point) {
            super("crashed " + point, null, false, false);
        }
    }

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS queuelab_orders (
                ns text NOT NULL,
                id text NOT NULL,
                item text NOT NULL,
                PRIMARY KEY (ns, id));
            CREATE TABLE IF NOT EXISTS queuelab_outbox (
                seq bigserial PRIMARY KEY,
                ns text NOT NULL,
                message_id text NOT NULL,
                payload text NOT NULL,
                created_at bigint NOT NULL,
                sent_at bigint);
            CREATE INDEX IF NOT EXISTS queuelab_outbox_pending ON queuelab_outbox (ns, seq) WHERE sent_at IS NULL;
            """;

    private final Sql sql;
    private final String ns;
    private final InstantSource clock;
    private final Variant variant;
    private final Crashes crashes;

    public Outbox(Connection connection, String namespace, InstantSource clock, Variant variant, Crashes crashes) {
        this.sql = new Sql(connection);
        this.ns = Objects.requireNonNull(namespace, "namespace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.variant = Objects.requireNonNull(variant, "variant");
        this.crashes = Objects.requireNonNull(crashes, "crashes");
        sql.schema(SCHEMA);
    }

    /** The business write and its message, in one local transaction (OB1). */
    public synchronized void placeOrder(String orderId, String item) {
        long now = Sql.nanos(clock.instant());
        crashes.at("before the transaction");
        if (variant == Variant.MESSAGE_OUTSIDE_TRANSACTION) {
            sql.tx(
                    c -> { // broken: the message commits on its own
                        insertMessage(c, orderId, item, now);
                        return null;
                    });
            crashes.at("after the message, before the order");
        }
        sql.tx(c -> {
            sql.update(c, "INSERT INTO queuelab_orders (ns, id, item) VALUES (?, ?, ?)", ns, orderId, item);
            crashes.at("after the order, before the message");
            if (variant != Variant.MESSAGE_OUTSIDE_TRANSACTION) {
                insertMessage(c, orderId, item, now);
                crashes.at("after the message, before the commit");
            }
            return null;
        });
        crashes.at("after the commit");
    }

    /**
     * Publishes up to {@code max} pending messages to the queue, oldest first, and marks them sent; returns
     * the ids published. A message the queue already holds under its id counts as published.
     */
    public synchronized List<String> relay(WorkQueue queue, int max) {
        long now = Sql.nanos(clock.instant());
        List<String> published = new ArrayList<>();
        List<Pending> marked = sql.tx(c -> {
            List<Pending> rows = pending(c, max); // OB4
            crashes.at("after taking the rows");
            for (Pending p : rows) {
                if (variant == Variant.MARK_BEFORE_PUBLISH) {
                    markSent(c, p, now); // broken: published only after the commit below
                    crashes.at("after marking " + p.messageId + " sent");
                } else {
                    publish(queue, p);
                    published.add(p.messageId);
                    crashes.at("after publishing " + p.messageId + ", before marking it sent");
                    markSent(c, p, now); // OB2: only once the queue has it
                }
            }
            return rows;
        });
        crashes.at("after the relay's commit");
        if (variant == Variant.MARK_BEFORE_PUBLISH) {
            for (Pending p : marked) {
                publish(queue, p);
                published.add(p.messageId);
            }
        }
        return published;
    }

    /** The outbox rows not yet marked sent. */
    public synchronized int pendingCount() {
        return sql.tx(c -> pending(c, Integer.MAX_VALUE).size());
    }

    private record Pending(long seq, String messageId, String payload) {}

    private void insertMessage(Connection c, String orderId, String item, long now) throws java.sql.SQLException {
        sql.update(
                c,
                "INSERT INTO queuelab_outbox (ns, message_id, payload, created_at) VALUES (?, ?, ?, ?)",
                ns,
                orderId,
                "order placed: " + item,
                now);
    }

    private List<Pending> pending(Connection c, int max) throws java.sql.SQLException {
        List<Pending> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, message_id, payload FROM queuelab_outbox"
                + " WHERE ns = ? AND sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
            s.setString(1, ns);
            s.setInt(2, max);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Pending(r.getLong(1), r.getString(2), r.getString(3)));
                }
            }
        }
        return rows;
    }

    private void markSent(Connection c, Pending p, long now) throws java.sql.SQLException {
        sql.update(c, "UPDATE queuelab_outbox SET sent_at = ? WHERE seq = ?", now, p.seq);
    }

    private static void publish(WorkQueue queue, Pending p) {
        try {
            queue.send(new Message(p.messageId, null, null, p.payload, Map.of("outbox-seq", Long.toString(p.seq))));
        } catch (DuplicateMessageIdException stillThere) {
            // the queue holds it from an earlier attempt: published
        }
    }
}
