package dev.queuelab.postgres;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Event;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crash trials of the outbox: the same story (place two orders, relay, consume, relay again, consume) run
 * once without a crash and once with a crash at each point the story reaches, every point between two
 * statements of the business transaction and of the relay. Each run is judged from outside: what the queue
 * received against what the database committed, read on another connection.
 *
 * Teaches: "at any point" is a finite list, so it can be tried exhaustively instead of by luck.
 * Invariants: judges {@link Outbox}'s OB1 to OB3 (anomalies torn-write, message-lost, uncommitted-published);
 *   a message received twice is at-least-once at work, counted and allowed.
 * Thread-safety: one trial at a time on the connections given.
 * Real world: the crash-point enumeration of a Jepsen-style fault injector, made exhaustive.
 */
public final class OutboxTrials {

    /** One run: where it crashed (or "no crash"), its events for a drawing, and what the judge found. */
    public record Trial(String crash, List<OutboxEvent> events, Optional<Anomaly> anomaly, int duplicates) {}

    /** One thing that happened, drawn like every other history: a lane per process, crashes marked. */
    public record OutboxEvent(int step, Instant at, String process, String action, String answer, boolean fault)
            implements Event {}

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Connection connection;
    private final Connection outside;

    /** Trials on {@code connection}, judged by reading on {@code outside}. */
    public OutboxTrials(Connection connection, Connection outside) {
        this.connection = connection;
        this.outside = outside;
    }

    /** The run without a crash, then one run per crash point it reached, in order. */
    public List<Trial> all(Outbox.Variant variant) {
        List<Trial> trials = new ArrayList<>();
        trials.add(run(variant, -1));
        int points = pointsReached(variant);
        for (int crashAt = 0; crashAt < points; crashAt++) {
            trials.add(run(variant, crashAt));
        }
        return trials;
    }

    /** The story with a crash at the {@code crashAt}-th point reached (0-based), or none when negative. */
    public Trial run(Outbox.Variant variant, int crashAt) {
        SimClock clock = new SimClock();
        String ns = "trial-" + RUNS.incrementAndGet();
        List<OutboxEvent> events = new ArrayList<>();
        AtomicInteger reached = new AtomicInteger();
        String[] crashed = {"no crash"};
        Outbox.Crashes crashes = point -> {
            if (reached.getAndIncrement() == crashAt) {
                crashed[0] = point;
                throw new Outbox.Crash(point);
            }
        };
        Outbox outbox = new Outbox(connection, ns, clock, variant, crashes);
        WorkQueue queue = new SqsWorkQueue(WorkQueueConfig.standardQueue(), clock);
        List<String> received = new ArrayList<>();
        Step step = (process, action, body) -> {
            clock.advance(Duration.ofSeconds(1));
            String answer;
            boolean fault = false;
            try {
                answer = body.get();
            } catch (Outbox.Crash c) {
                answer = c.getMessage() + ": restarts";
                fault = true;
            }
            events.add(new OutboxEvent(events.size() + 1, clock.instant(), process, action, answer, fault));
        };
        step.take("app", "places order o1 (book)", () -> {
            outbox.placeOrder("o1", "book");
            return "committed";
        });
        step.take("app", "places order o2 (lamp)", () -> {
            outbox.placeOrder("o2", "lamp");
            return "committed";
        });
        step.take("relay", "publishes pending messages", () -> "published " + outbox.relay(queue, 10));
        step.take("consumer", "receives and acks until empty", () -> "got " + drain(queue, received));
        step.take("relay", "publishes pending messages", () -> "published " + outbox.relay(queue, 10));
        step.take("consumer", "receives and acks until empty", () -> "got " + drain(queue, received));
        return judge(ns, crashed[0], events, received, clock);
    }

    /** The story with a crash at the first point of that name it reaches (as {@link Outbox.Crash} names it). */
    public Trial run(Outbox.Variant variant, String point) {
        List<String> points = points(variant);
        int at = points.indexOf(point);
        if (at < 0) {
            throw new IllegalArgumentException(
                    "the " + variant + " outbox's story never reaches '" + point + "': use one of " + points);
        }
        return run(variant, at);
    }

    /** How many crash points the story reaches without a crash. */
    private int pointsReached(Outbox.Variant variant) {
        return points(variant).size();
    }

    /** The crash points the story reaches without a crash, in order. */
    private List<String> points(Outbox.Variant variant) {
        List<String> points = new ArrayList<>();
        SimClock clock = new SimClock();
        Outbox outbox = new Outbox(connection, "count-" + RUNS.incrementAndGet(), clock, variant, points::add);
        WorkQueue queue = new SqsWorkQueue(WorkQueueConfig.standardQueue(), clock);
        outbox.placeOrder("o1", "book");
        outbox.placeOrder("o2", "lamp");
        outbox.relay(queue, 10);
        outbox.relay(queue, 10);
        return points;
    }

    @FunctionalInterface
    private interface Step {
        void take(String process, String action, java.util.function.Supplier<String> body);
    }

    private static List<String> drain(WorkQueue queue, List<String> received) {
        List<String> got = new ArrayList<>();
        for (List<Delivery> batch = queue.receive("consumer", 10);
                !batch.isEmpty();
                batch = queue.receive("consumer", 10)) {
            for (Delivery d : batch) {
                got.add(d.messageId());
                queue.ack(d.receipt());
            }
        }
        received.addAll(got);
        return got;
    }

    /** What the queue received against what the database committed, read from outside (OB1 to OB3). */
    private Trial judge(String ns, String crash, List<OutboxEvent> events, List<String> received, SimClock clock) {
        Set<String> orders = read("SELECT id FROM queuelab_orders WHERE ns = ? ORDER BY id", ns);
        Set<String> messages = read("SELECT message_id FROM queuelab_outbox WHERE ns = ? ORDER BY seq", ns);
        Map<String, Integer> times = new LinkedHashMap<>();
        received.forEach(id -> times.merge(id, 1, Integer::sum));
        int step = events.size() + 1;
        Anomaly anomaly = null;
        for (String id : times.keySet()) {
            if (!orders.contains(id)) {
                anomaly = new Anomaly(
                        "uncommitted-published",
                        "OB3 no message reaches the queue whose business write did not commit",
                        "the queue received " + id + ", but order " + id + " never committed",
                        step);
                break;
            }
        }
        for (String id : orders) {
            if (anomaly == null && !times.containsKey(id)) {
                anomaly = new Anomaly(
                        "message-lost",
                        "OB2 every committed outbox row reaches the queue at least once",
                        "order " + id + " committed, and the queue never received its message",
                        step);
            }
        }
        if (anomaly == null && !orders.equals(messages)) {
            anomaly = new Anomaly(
                    "torn-write",
                    "OB1 an order and its outbox row commit together or not at all",
                    "committed orders " + orders + ", committed messages " + messages,
                    step);
        }
        int duplicates = (int) times.values().stream().filter(n -> n > 1).count();
        events.add(new OutboxEvent(
                step,
                clock.instant(),
                "checker",
                "reads the database and the queue",
                "orders " + orders + ", outbox " + messages + ", received " + received,
                false));
        return new Trial(crash, List.copyOf(events), Optional.ofNullable(anomaly), duplicates);
    }

    private Set<String> read(String query, String ns) {
        try (PreparedStatement s = outside.prepareStatement(query)) {
            s.setString(1, ns);
            Set<String> out = new LinkedHashSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new Sql.Failed("reading what committed", e);
        }
    }
}
