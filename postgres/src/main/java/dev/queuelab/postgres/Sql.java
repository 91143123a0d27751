package dev.queuelab.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * One connection's transactions, as the stores here use them: a unit of work commits as a whole or rolls
 * back as a whole, and a database error becomes one unchecked line naming the statement's purpose.
 *
 * Teaches: nothing of its own; it keeps the stores short.
 * Invariants:
 *   SQ1 {@link #tx} leaves the connection with no transaction open, committed or rolled back.
 * Thread-safety: none; each store calls it under its own monitor.
 * Real world: what a JDBC template does.
 */
final class Sql {

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /** A failed statement: the database's own message, in one line. */
    static final class Failed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Failed(String what, SQLException e) {
            super("postgres: " + what + " failed: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    /** Runs the work in one transaction: commit on success, rollback on any failure (SQ1). */
    <T> T tx(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new Failed("a transaction", e);
        }
    }

    /** Statements that create what a store needs, if missing, committed at once. */
    void schema(String ddl) {
        tx(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(7261127)"); // two stores creating at once: one waits
                s.execute(ddl);
            }
            return null;
        });
    }

    /** One statement with its parameters in order; returns the rows it changed. */
    int update(Connection c, String statement, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    /** A number no receive had before: receipts never repeat, not across queues, not after a redrive. */
    long nextReceipt(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT nextval('queuelab_jobs_receipts')")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** An instant of the injected clock as the tables store it: nanoseconds since the epoch. */
    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
