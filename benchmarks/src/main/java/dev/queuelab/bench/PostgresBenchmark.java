package dev.queuelab.bench;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.postgres.JobsTable;
import dev.queuelab.postgres.PostgresDedupeStore;
import dev.queuelab.postgres.PostgresServer;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a queue and a dedupe store cost on a real Postgres (started for each fork, on loopback), beside the
 * in-memory reference in the same run.
 *
 * <pre>
 *   cycle:       send n ──► [reference | jobs table] ──► receive up to n ──► ack the n     (n = 1 or 10)
 *   idempotent:  BEGIN; INSERT key ON CONFLICT DO NOTHING; INSERT effect; COMMIT    (synchronous_commit on|off)
 *   plain:       BEGIN; INSERT effect; COMMIT                                        (the same, without the key)
 * </pre>
 *
 * {@code jobs-table-async} is the jobs table with {@code synchronous_commit=off}. Measures operations per second,
 * one thread: a cycle moves {@code batch} messages; an idempotent or plain
 * operation processes one message. {@code synchronous_commit=off} answers the commit before the WAL reaches the
 * disk: a crash may lose the last few hundred milliseconds of commits (marks and effects together, so still
 * never an effect without its mark).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
public class PostgresBenchmark {

    /** The work queue's send-receive-ack cycle, one message or ten at a time. */
    @State(Scope.Thread)
    public static class Queues {
        @Param({"reference", "jobs-table", "jobs-table-async"})
        public String impl;

        @Param({"1", "10"})
        public int batch;

        PostgresServer server;
        Connection connection;
        WorkQueue queue;
        long next;

        @Setup(Level.Trial)
        public void start() throws SQLException {
            WorkQueueConfig config = WorkQueueConfig.standardQueue().withMaxReceives(10);
            if (impl.startsWith("jobs-table")) {
                server = PostgresServer.start();
                connection = server.connect();
                try (Statement s = connection.createStatement()) {
                    s.execute("SET synchronous_commit = " + (impl.endsWith("async") ? "off" : "on"));
                }
                queue = new JobsTable(connection, "bench", config, TickingClock.shared());
            } else {
                queue = new SqsWorkQueue(config, TickingClock.shared());
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws SQLException {
            if (server != null) {
                connection.close();
                server.close();
            }
        }
    }

    /** One message's processing by a consumer, with or without its dedupe mark, under a commit policy. */
    @State(Scope.Thread)
    public static class Consumers {
        @Param({"plain", "idempotent"})
        public String consumer;

        @Param({"on", "off"})
        public String synchronousCommit;

        PostgresServer server;
        Connection connection;
        PostgresDedupeStore store;
        long next;

        @Setup(Level.Trial)
        public void start() throws SQLException {
            server = PostgresServer.start();
            connection = server.connect();
            try (Statement s = connection.createStatement()) {
                s.execute("SET synchronous_commit = " + (synchronousCommit.equals("on") ? "on" : "off"));
                s.execute("CREATE TABLE IF NOT EXISTS bench_effects (key text NOT NULL)");
            }
            store = new PostgresDedupeStore(
                    connection, "bench", Duration.ofHours(1), 10_000_000, TickingClock.shared());
        }

        @TearDown(Level.Trial)
        public void stop() throws SQLException {
            connection.close();
            server.close();
        }
    }

    @Benchmark
    public int cycle(Queues q) {
        for (int i = 0; i < q.batch; i++) {
            q.queue.send(Message.of(Long.toString(q.next++), "payload"));
        }
        List<Delivery> got = q.queue.receive("consumer", q.batch, Duration.ofSeconds(30));
        if (got.size() != q.batch) {
            throw new IllegalStateException("received " + got.size() + " of " + q.batch);
        }
        List<Receipt> receipts = new ArrayList<>(got.size());
        got.forEach(d -> receipts.add(d.receipt()));
        List<ReceiptOutcome> acked = q.queue.ackBatch(receipts);
        if (acked.contains(ReceiptOutcome.STALE)) {
            throw new IllegalStateException("an ack was refused: " + acked);
        }
        return got.size();
    }

    @Benchmark
    public boolean consume(Consumers c) throws SQLException {
        String key = Long.toString(c.next++);
        if (c.consumer.equals("idempotent")) {
            return c.store.processOnce(key, conn -> effect(conn, key));
        }
        c.connection.setAutoCommit(true);
        effect(c.connection, key);
        return true;
    }

    private static void effect(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO bench_effects (key) VALUES (?)")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }
}
