package dev.queuelab.postgres;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.DuplicateMessageIdException;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A work queue on a Postgres table, as a small app runs one beside its data: a row per job, taken with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, hidden by a visibility-deadline column, counted in attempts, and
 * set to a dead status after maxReceives.
 *
 * Teaches: a table is a queue once a receive locks only the rows it takes (SKIP LOCKED: competing consumers
 * never wait on each other) and a deadline column stands in for the lease; an ack is a DELETE that names the
 * receipt, so that an old delivery's ack deletes nothing.
 * Invariants: those of the work-queue contract ({@code SqsWorkQueue}'s I1 to I5; I8 trivially, a standard
 * queue having one lane), each kept by one statement:
 *   JT1 a send is one INSERT ... ON CONFLICT DO NOTHING: no row inserted means the id is in use (I1);
 *   JT2 a receive takes visible rows ({@code visible_at <= now}) in send order, skipping rows another
 *       transaction holds, and in the same transaction dead-letters those that had maxReceives attempts and
 *       delivers the rest with attempts + 1, a new receipt from a sequence and {@code visible_at = now + timeout}
 *       (I2, I5);
 *   JT3 ack and changeVisibility change a row only where id and receipt are the current ones (I3, I4);
 *   JT4 every instant is the injected clock's, passed as a parameter (never {@code now()}), in epoch nanoseconds.
 * Thread-safety: each method is one transaction on the instance's connection, under its monitor. Competing
 * consumers in different processes each open their own instance on the same table and queue name.
 * Real world: the jobs tables of Que, good_job, River and Solid Queue; PGMQ. Lacks FIFO (see
 * {@link #CAPABILITIES}).
 */
public final class JobsTable implements WorkQueue {

    /**
     * No FIFO: SKIP LOCKED hands out whichever rows are free, so one-in-flight per group needs a lock per group
     * and a deduplication window a second table; the jobs table the decision guide recommends has neither.
     * Dead letters: yes (the dead status). Exact statistics: yes (counted in one snapshot).
     */
    public static final WorkQueueCapabilities CAPABILITIES = new WorkQueueCapabilities(false, true, true);

    private final Sql sql;
    private final String queue;
    private final WorkQueueConfig config;
    private final InstantSource clock;
    private final int maxReceives;
    private final String takeRows;

    /** A queue named {@code queue} in the table {@code queuelab_jobs}, created if missing. */
    public JobsTable(Connection connection, String queue, WorkQueueConfig config, InstantSource clock) {
        this(connection, queue, config, clock, JobRows.TAKE);
    }

    /** A table whose receive takes rows with {@code take}: a test gives it one without the row lock, to be caught. */
    JobsTable(Connection connection, String queue, WorkQueueConfig config, InstantSource clock, String take) {
        this.takeRows = take;
        this.config = Objects.requireNonNull(config, "config");
        if (config.fifo()) {
            throw new IllegalArgumentException("config.fifo is true: a jobs table is a standard queue (no message"
                    + " groups, no deduplication window); use WorkQueueConfig.standardQueue()");
        }
        this.sql = new Sql(connection);
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxReceives = config.maxReceives();
        sql.schema(JobRows.SCHEMA);
    }

    @Override
    public synchronized SendOutcome send(Message message) {
        long now = Sql.nanos(clock.instant());
        int inserted = sql.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO queuelab_jobs (queue, id, seq, payload,"
                    + " header_names, header_values, group_id, dedup_id, status, visible_at, attempts, sent_at)"
                    + " VALUES (?, ?, nextval('queuelab_jobs_seq'), ?, ?, ?, ?, ?, 'ready', ?, 0, ?)"
                    + " ON CONFLICT (queue, id) DO NOTHING")) {
                List<String> names = new ArrayList<>(message.headers().keySet());
                s.setString(1, queue);
                s.setString(2, message.id());
                s.setString(3, message.payload());
                s.setArray(4, c.createArrayOf("text", names.toArray()));
                s.setArray(
                        5,
                        c.createArrayOf(
                                "text",
                                names.stream().map(message.headers()::get).toArray()));
                s.setString(6, message.groupId()); // kept as sent: a standard queue ignores both
                s.setString(7, message.dedupId());
                s.setLong(8, now);
                s.setLong(9, now);
                return s.executeUpdate(); // JT1
            }
        });
        if (inserted == 0) {
            throw new DuplicateMessageIdException(message.id());
        }
        return SendOutcome.accepted(message.id());
    }

    @Override
    public synchronized List<Delivery> receive(String consumer, int max, Duration visibility) {
        WorkQueueConfig.requireBatch(max);
        WorkQueueConfig.requireVisibility("visibility", visibility);
        long now = Sql.nanos(clock.instant());
        long deadline = now + visibility.toNanos();
        return sql.tx(c -> {
            List<Delivery> batch = new ArrayList<>(max);
            while (batch.size() < max) {
                int want = max - batch.size();
                int taken = 0;
                try (PreparedStatement take = c.prepareStatement(takeRows)) {
                    take.setString(1, queue);
                    take.setLong(2, now);
                    take.setInt(3, want);
                    try (ResultSet r = take.executeQuery()) {
                        while (r.next()) {
                            taken++;
                            String id = r.getString(1);
                            int attempts = r.getInt(2);
                            if (attempts >= maxReceives) {
                                sql.update(
                                        c,
                                        "UPDATE queuelab_jobs SET status = 'dead', receipt = NULL,"
                                                + " dead_seq = nextval('queuelab_jobs_seq') WHERE queue = ? AND id = ?",
                                        queue,
                                        id);
                                continue; // JT2: and the batch goes on with the rows behind it
                            }
                            long receipt = sql.nextReceipt(c);
                            sql.update(
                                    c,
                                    "UPDATE queuelab_jobs SET attempts = attempts + 1, receipt = ?, visible_at = ?"
                                            + " WHERE queue = ? AND id = ?",
                                    receipt,
                                    deadline,
                                    queue,
                                    id);
                            Message m = JobRows.message(id, r.getString("payload"), r);
                            batch.add(new Delivery(m, new Receipt(id, receipt), attempts + 1));
                        }
                    }
                }
                if (taken < want) {
                    break;
                }
            }
            return batch.isEmpty() ? List.of() : List.copyOf(batch);
        });
    }

    @Override
    public synchronized ReceiptOutcome ack(Receipt receipt) {
        clock.instant();
        int deleted = sql.tx(c -> delete(c, receipt));
        return deleted == 1 ? ReceiptOutcome.ACCEPTED : ReceiptOutcome.STALE;
    }

    /** As SQS's DeleteMessageBatch: each receipt's outcome is its own ack's, all in one transaction. */
    @Override
    public synchronized List<ReceiptOutcome> ackBatch(List<Receipt> receipts) {
        if (receipts.isEmpty() || receipts.size() > WorkQueueConfig.MAX_BATCH) {
            return WorkQueue.super.ackBatch(receipts); // which refuses it, naming the limit
        }
        clock.instant();
        return sql.tx(c -> {
            List<ReceiptOutcome> outcomes = new ArrayList<>(receipts.size());
            for (Receipt receipt : receipts) {
                outcomes.add(delete(c, receipt) == 1 ? ReceiptOutcome.ACCEPTED : ReceiptOutcome.STALE);
            }
            return outcomes;
        });
    }

    @Override
    public synchronized ReceiptOutcome changeVisibility(Receipt receipt, Duration visibility) {
        WorkQueueConfig.requireVisibility("visibility", visibility);
        long now = Sql.nanos(clock.instant());
        int changed = sql.tx(c -> sql.update(
                c,
                "UPDATE queuelab_jobs SET visible_at = ? WHERE queue = ? AND id = ? AND receipt = ?"
                        + " AND status = 'ready' AND visible_at > ?",
                now + visibility.toNanos(),
                queue,
                receipt.messageId(),
                receipt.delivery(),
                now)); // JT3: only while in flight, counted from now
        return changed == 1 ? ReceiptOutcome.ACCEPTED : ReceiptOutcome.STALE;
    }

    @Override
    public synchronized List<Message> deadLetters() {
        return sql.tx(c -> {
            List<Message> dead = new ArrayList<>();
            try (PreparedStatement s =
                    c.prepareStatement("SELECT id, payload, header_names, header_values, group_id, dedup_id"
                            + " FROM queuelab_jobs WHERE queue = ? AND status = 'dead' ORDER BY dead_seq")) {
                s.setString(1, queue);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        dead.add(JobRows.message(r.getString(1), r.getString(2), r));
                    }
                }
            }
            return dead;
        });
    }

    /** Back in dead-letter order, each with a fresh attempt count and a place at the end of the queue. */
    @Override
    public synchronized int redrive() {
        long now = Sql.nanos(clock.instant());
        return sql.tx(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM queuelab_jobs WHERE queue = ? AND status = 'dead' ORDER BY dead_seq FOR UPDATE")) {
                s.setString(1, queue);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
            }
            for (String id : ids) {
                sql.update(
                        c,
                        "UPDATE queuelab_jobs SET status = 'ready', attempts = 0, receipt = NULL, dead_seq = NULL,"
                                + " seq = nextval('queuelab_jobs_seq'), visible_at = ?, sent_at = ?"
                                + " WHERE queue = ? AND id = ?",
                        now,
                        now,
                        queue,
                        id);
            }
            return ids.size();
        });
    }

    @Override
    public synchronized QueueStats stats() {
        long now = Sql.nanos(clock.instant());
        return sql.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT"
                    + " count(*) FILTER (WHERE status = 'ready' AND visible_at <= ?),"
                    + " count(*) FILTER (WHERE status = 'ready' AND visible_at > ?),"
                    + " count(*) FILTER (WHERE status = 'dead'),"
                    + " min(sent_at) FILTER (WHERE status = 'ready')"
                    + " FROM queuelab_jobs WHERE queue = ?")) {
                s.setLong(1, now);
                s.setLong(2, now);
                s.setString(3, queue);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long oldest = r.getLong(4);
                    Duration age = r.wasNull() ? Duration.ZERO : Duration.ofNanos(now - oldest);
                    return new QueueStats(r.getInt(1), r.getInt(2), r.getInt(3), age);
                }
            }
        });
    }

    @Override
    public WorkQueueConfig config() {
        return config;
    }

    @Override
    public WorkQueueCapabilities capabilities() {
        return CAPABILITIES;
    }

    private int delete(Connection c, Receipt receipt) throws SQLException {
        return sql.update(
                c,
                "DELETE FROM queuelab_jobs WHERE queue = ? AND id = ? AND receipt = ? AND status = 'ready'",
                queue,
                receipt.messageId(),
                receipt.delivery()); // JT3
    }
}
