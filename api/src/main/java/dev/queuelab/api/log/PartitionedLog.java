package dev.queuelab.api.log;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A topic of N partitions in the style of Kafka: each partition an append-only sequence of records numbered by
 * offset, kept after it is read; consumer groups that share out the partitions and keep committed offsets; an
 * idempotent, transactional producer.
 *
 * <p>Offsets: a partition serves offsets from its log start offset (older segments were deleted by retention)
 * up to its high watermark (one past the last appended). A committed offset is the <em>next</em> offset to read,
 * as in Kafka: having processed offset 41, a consumer commits 42.
 *
 * <p>Which methods apply is declared by {@link #capabilities()}; a method outside them throws
 * {@link UnsupportedOperationException}.
 */
public interface PartitionedLog {

    LogConfig config();

    LogCapabilities capabilities();

    // ---- producing ----

    /**
     * Appends to the partition Kafka's default partitioner picks for the key ({@link DefaultPartitioner}); a
     * null key goes to the partitions in turn (round-robin, starting at 0), not to a sticky one as Kafka's
     * producer does since 2.4, so that every run spreads the same way.
     */
    AppendOutcome append(String key, String value, Map<String, String> headers);

    /** Appends to the partition given, whatever the key. */
    AppendOutcome append(int partition, ProducerRecord record);

    /**
     * What an append survives once {@link #send}'s future has completed: {@link Durability#MEMORY} for a log in
     * memory; on disk, what its {@link FlushPolicy} promises. Only {@link Durability#FORCED} is acknowledged as
     * durable.
     */
    default Durability durability() {
        return Durability.MEMORY;
    }

    /**
     * Appends to the partition given, as {@link #append(int, ProducerRecord)} does (the offset is assigned
     * before this returns), and returns a future that completes when the append is acknowledged: at once in
     * memory; under the page-cache policy once the write that puts it in the file has returned (a log may gather
     * appends into one write, and then writes them when someone waits on the future); after the force that
     * covers it under the force and group-commit policies. A producer may send again before the future completes
     * (pipelining, as Kafka's producer does).
     * The future fails if the log could not write or force the record.
     */
    default CompletableFuture<AppendOutcome> send(int partition, ProducerRecord record) {
        return CompletableFuture.completedFuture(append(partition, record));
    }

    /** An id and epoch 0 for an idempotent producer without transactions. */
    ProducerIdAndEpoch initProducerId();

    /**
     * An idempotent append: written once per (producer id, partition, sequence). A producer's first append to a
     * partition may carry any sequence (as Kafka accepts from a producer it holds no state for; a client starts
     * at 0), a new epoch starts again at 0, and each later one goes up by one; a retry of a recent sequence is a
     * DUPLICATE naming the original offset; a skipped sequence is OUT_OF_ORDER_SEQUENCE; an older epoch is
     * PRODUCER_FENCED. Inside a transaction, the record belongs to it.
     */
    AppendOutcome append(ProducerIdAndEpoch producer, int partition, int sequence, ProducerRecord record);

    /** The partition an append would pick for this non-null key: a pure function of the key and N. */
    int partitionFor(String key);

    // ---- transactions ----

    /**
     * The producer id of a transactional id, with its epoch raised: every older epoch is fenced from now on,
     * and a transaction the old epoch left open is aborted.
     */
    ProducerIdAndEpoch initTransactions(String transactionalId);

    /** Opens a transaction: BEGUN, or PRODUCER_FENCED for an old epoch. */
    TransactionOutcome beginTransaction(ProducerIdAndEpoch producer);

    /** Offsets to commit for a group if, and only if, the transaction commits (read-process-write). */
    TransactionOutcome sendOffsetsToTransaction(ProducerIdAndEpoch producer, String group, Map<Integer, Long> offsets);

    /**
     * Writes a commit marker into every partition the transaction touched and commits its offsets; PRODUCER_FENCED
     * if a newer epoch took over, or if the transaction stayed open past {@link LogConfig#transactionTimeout()}
     * after its first write (the log aborted it then, and fenced this producer).
     */
    TransactionOutcome commitTransaction(ProducerIdAndEpoch producer);

    /** Writes an abort marker into every partition the transaction touched; its records stay, hidden. */
    TransactionOutcome abortTransaction(ProducerIdAndEpoch producer);

    // ---- reading ----

    /** Up to {@code max} records from {@code fromOffset}, read_uncommitted. */
    default FetchResult read(int partition, long fromOffset, int max) {
        return read(partition, fromOffset, max, IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * Up to {@code max} records from {@code fromOffset}, in offset order, never past the high watermark
     * (read_uncommitted) or the last stable offset (read_committed). Transaction markers are never returned.
     *
     * @throws OffsetOutOfRangeException if {@code fromOffset} is below the log start offset or above the
     *                                   high watermark
     */
    FetchResult read(int partition, long fromOffset, int max, IsolationLevel isolation);

    long logStartOffset(int partition);

    long highWatermark(int partition);

    long lastStableOffset(int partition);

    /** The offset a consumer positioned by {@code seek} reads from next (Latest depends on the isolation). */
    long offsetFor(int partition, Seek seek, IsolationLevel isolation);

    // ---- consumer groups ----

    /**
     * Joins (or rejoins) a group. A new member rebalances the group at once: the generation goes up by one and
     * every member's share is computed again; a member already in the group gets its current share.
     */
    Assignment join(String group, String memberId);

    /** Leaves the group; the others rebalance into a new generation. Leaving twice does nothing. */
    void leave(String group, String memberId);

    /** Keeps a member alive: its session deadline becomes now + the session timeout. */
    HeartbeatOutcome heartbeat(String group, String memberId, int generation);

    /** The member's current share, or empty if it is not a member (never joined, left or expired). */
    Optional<Assignment> assignment(String group, String memberId);

    GroupDescription describeGroup(String group);

    /**
     * Commits {@code offset}, the next offset to read, for a partition of the group: only from a member of the
     * group's current generation, or from no member ({@code generation} -1, {@link LogFacts#NO_GENERATION}, as
     * {@code assign()} users and admin tools commit) while the group has no members.
     */
    CommitOutcome commit(String group, String memberId, int generation, int partition, long offset);

    OptionalLong committed(String group, int partition);

    /**
     * Where a member of the group starts reading a partition it was given: the committed offset if there is
     * one still served, else {@code reset} (Kafka's auto.offset.reset, earliest or latest).
     */
    long resumeOffset(String group, int partition, Seek reset, IsolationLevel isolation);

    /** Every group this log knows, sorted. */
    List<String> groups();
}
