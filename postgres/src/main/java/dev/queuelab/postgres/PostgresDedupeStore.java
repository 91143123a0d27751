package dev.queuelab.postgres;

import dev.queuelab.reference.semantics.DedupeStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * An idempotent consumer's processed keys in a Postgres table, marked in the same local transaction as the
 * effect: {@code INSERT ... ON CONFLICT DO NOTHING} decides whether the effect runs, and the effect's own
 * writes commit or roll back with the mark.
 *
 * Teaches: the mark and the effect must share one transaction (a crash between two transactions repeats the
 * effect); the key's TTL must exceed the redelivery window; the table stays small by a sweep on an index of
 * the mark's time, not by scanning it.
 * Invariants (those of {@code MemoryDedupeStore}, DD1 to DD3, kept on a table, and one of its own):
 *   PD1 a key marked at t is remembered at every instant in [t, t + ttl) of the injected clock; marking a key
 *       already remembered changes nothing (ON CONFLICT DO NOTHING);
 *   PD2 from t + ttl on the key is forgotten: {@link #seen} judges by time, and the sweep deletes it, both
 *       with the clock's instant passed as a parameter (never the server's {@code now()});
 *   PD3 at most maxKeys keys of this store's namespace are remembered: a mark past the bound evicts the
 *       oldest marks first and counts each ({@link #evictions()}), never silently;
 *   PD4 {@link #processOnce}: the mark and the effect commit together or not at all.
 * Thread-safety: each method is one transaction on the store's connection, under its monitor; consumers in
 * other processes use stores of their own on the same table and namespace.
 * Real world: a processed_messages table beside the orders it protects; Redis SET NX EX is the in-memory twin.
 */
public final class PostgresDedupeStore implements DedupeStore {

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS queuelab_dedupe (
                ns text NOT NULL,
                key text NOT NULL,
                marked_at bigint NOT NULL,
                seq bigserial NOT NULL,
                PRIMARY KEY (ns, key));
            CREATE INDEX IF NOT EXISTS queuelab_dedupe_age ON queuelab_dedupe (ns, marked_at, seq);
            CREATE TABLE IF NOT EXISTS queuelab_dedupe_size (ns text PRIMARY KEY, keys bigint NOT NULL);
            """;

    /** The effect, run on the store's connection inside the mark's transaction. */
    @FunctionalInterface
    public interface Effect {
        void run(Connection c) throws SQLException;
    }

    private final Sql sql;
    private final String namespace;
    private final Duration ttl;
    private final int maxKeys;
    private final InstantSource clock;
    private long evictions;

    public PostgresDedupeStore(
            Connection connection, String namespace, Duration ttl, int maxKeys, InstantSource clock) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl is " + ttl + ": give a duration above 0s");
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys is " + maxKeys + ": give 1 or more");
        }
        this.sql = new Sql(connection);
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.ttl = ttl;
        this.maxKeys = maxKeys;
        this.clock = Objects.requireNonNull(clock, "clock");
        sql.schema(SCHEMA);
    }

    @Override
    public synchronized boolean seen(String key) {
        long now = Sql.nanos(clock.instant());
        return sql.tx(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT 1 FROM queuelab_dedupe WHERE ns = ? AND key = ? AND marked_at > ?")) {
                s.setString(1, namespace);
                s.setString(2, key);
                s.setLong(3, now - ttl.toNanos()); // PD1, PD2: remembered while now < marked_at + ttl
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public synchronized void mark(String key) {
        long now = Sql.nanos(clock.instant());
        sql.tx(c -> markIn(c, key, now));
    }

    /**
     * Runs the effect once per key while the key is remembered: the mark and the effect in one transaction
     * (PD4). Returns whether the effect ran; a failing effect rolls the mark back with it, so a redelivery
     * runs it again.
     */
    public synchronized boolean processOnce(String key, Effect effect) {
        long now = Sql.nanos(clock.instant());
        long counted = evictions;
        try {
            return sql.tx(c -> {
                if (!markIn(c, key, now)) {
                    return false;
                }
                effect.run(c);
                return true;
            });
        } catch (RuntimeException e) {
            evictions = counted; // the evictions rolled back with the mark
            throw e;
        }
    }

    /** Deletes the keys whose TTL ran out (PD2), by the index on the mark's time; returns how many. */
    public synchronized int sweep() {
        long now = Sql.nanos(clock.instant());
        return sql.tx(c -> sweepIn(c, now));
    }

    @Override
    public synchronized long evictions() {
        return evictions;
    }

    /** Keys remembered now. */
    public synchronized int size() {
        long now = Sql.nanos(clock.instant());
        return sql.tx(c -> live(c, now));
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * The sweep, the mark and the bound, in the caller's transaction; whether the key was newly marked. The
     * namespace's row count is kept in a row of its own, changed in the same transaction, so that the bound
     * costs one indexed update and not a count of every key (the row serializes the namespace's marks).
     */
    private boolean markIn(Connection c, String key, long now) throws SQLException {
        int swept = sweepIn(c, now);
        int inserted = sql.update(
                c,
                "INSERT INTO queuelab_dedupe (ns, key, marked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                namespace,
                key,
                now); // PD1
        long keys = resize(c, inserted - swept);
        if (keys > maxKeys) { // PD3: the oldest marks make room, each one counted
            int evicted = sql.update(
                    c,
                    "DELETE FROM queuelab_dedupe WHERE (ns, key) IN (SELECT ns, key FROM queuelab_dedupe"
                            + " WHERE ns = ? ORDER BY marked_at, seq LIMIT ?)",
                    namespace,
                    keys - maxKeys);
            resize(c, -evicted);
            evictions += evicted;
        }
        return inserted == 1;
    }

    /** Adds {@code delta} to the namespace's count of rows and returns the new count. */
    private long resize(Connection c, int delta) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO queuelab_dedupe_size (ns, keys) VALUES (?, ?)"
                + " ON CONFLICT (ns) DO UPDATE SET keys = queuelab_dedupe_size.keys + EXCLUDED.keys RETURNING keys")) {
            s.setString(1, namespace);
            s.setLong(2, delta);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private int sweepIn(Connection c, long now) throws SQLException {
        return sql.update(
                c,
                "DELETE FROM queuelab_dedupe WHERE ns = ? AND marked_at <= ?",
                namespace,
                now - ttl.toNanos()); // PD2
    }

    private int live(Connection c, long now) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT count(*) FROM queuelab_dedupe WHERE ns = ? AND marked_at > ?")) {
            s.setString(1, namespace);
            s.setLong(2, now - ttl.toNanos());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
