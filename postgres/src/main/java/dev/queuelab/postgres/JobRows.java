package dev.queuelab.postgres;

import dev.queuelab.api.workqueue.Message;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of {@link JobsTable}: its table, its receive's query, and a row read back as the message that was sent.
 *
 * Teaches: the jobs table's schema in one place: a row per job, the visibility deadline ({@code visible_at}),
 * the attempts, the status ('ready' or 'dead'), the current receipt, and a partial index on the ready rows by
 * deadline, which is all a receive reads.
 * Invariants:
 *   JR1 a row read back is the message as sent: id, body, headers in order, group and dedup id.
 * Thread-safety: stateless.
 * Real world: the jobs tables of Que, good_job and River; PGMQ's queue tables.
 */
final class JobRows {

    private JobRows() {}

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS queuelab_jobs (
                queue text NOT NULL,
                id text NOT NULL,
                seq bigint NOT NULL,
                payload text NOT NULL,
                group_id text,
                dedup_id text,
                header_names text[] NOT NULL,
                header_values text[] NOT NULL,
                status text NOT NULL CHECK (status IN ('ready', 'dead')),
                visible_at bigint NOT NULL,
                attempts int NOT NULL,
                receipt bigint,
                sent_at bigint NOT NULL,
                dead_seq bigint,
                PRIMARY KEY (queue, id));
            CREATE INDEX IF NOT EXISTS queuelab_jobs_ready ON queuelab_jobs (queue, visible_at, seq)
                WHERE status = 'ready';
            CREATE SEQUENCE IF NOT EXISTS queuelab_jobs_seq;
            CREATE SEQUENCE IF NOT EXISTS queuelab_jobs_receipts;
            """;

    static final String TAKE =
            "SELECT id, attempts, payload, header_names, header_values, group_id, dedup_id FROM queuelab_jobs"
                    + " WHERE queue = ? AND status = 'ready' AND visible_at <= ? ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED";

    static Message message(String id, String payload, ResultSet r) throws SQLException {
        return new Message(id, r.getString("group_id"), r.getString("dedup_id"), payload, headers(r));
    }

    private static Map<String, String> headers(ResultSet r) throws SQLException {
        String[] names = (String[]) r.getArray("header_names").getArray();
        String[] values = (String[]) r.getArray("header_values").getArray();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            headers.put(names[i], values[i]);
        }
        return headers;
    }
}
