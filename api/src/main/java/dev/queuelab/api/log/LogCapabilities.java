package dev.queuelab.api.log;

/**
 * What a partitioned-log implementation supports, so that checks that do not apply skip themselves.
 *
 * @param groups       consumer groups: join, leave, heartbeat, generations, commits
 * @param idempotence  producer ids, epochs and per-partition sequence numbers
 * @param transactions begin, commit, abort, offsets in a transaction, read_committed
 * @param retention    deletion of whole segments by time and by size
 * @param compaction   keeping only the last record per key
 * @param sticky       the {@link Assignor#COOPERATIVE_STICKY} assignor besides range and round-robin
 */
public record LogCapabilities(
        boolean groups,
        boolean idempotence,
        boolean transactions,
        boolean retention,
        boolean compaction,
        boolean sticky) {

    /** Without the sticky assignor: what a log that shares partitions by range and round-robin only supports. */
    public LogCapabilities(
            boolean groups, boolean idempotence, boolean transactions, boolean retention, boolean compaction) {
        this(groups, idempotence, transactions, retention, compaction, false);
    }

    public static final LogCapabilities ALL = new LogCapabilities(true, true, true, true, true, true);
    /** Append, read and offsets only: the first exercises. */
    public static final LogCapabilities PLAIN = new LogCapabilities(false, false, false, false, false);
}
