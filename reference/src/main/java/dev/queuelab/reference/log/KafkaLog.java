package dev.queuelab.reference.log;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.GroupDescription;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.Seek;
import dev.queuelab.api.log.TransactionOutcome;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A partitioned log in the style of Kafka, in memory: partitions of segments, consumer groups with
 * generations and committed offsets, the idempotent producer and transactions.
 *
 * Teaches: a log keeps records after they are read and orders them per partition; each consumer group keeps
 * its own offsets and can replay from any of them; sequence numbers and transactions give exactly-once
 * appends and read-process-write inside the log.
 * Invariants:
 *   L1  a partition's offsets are 0, 1, 2... in append order, never reused or changed: reading an offset again
 *       returns the same record;
 *   L2  a keyed record goes to toPositive(murmur2(utf8(key))) % N, so one key's records keep their order;
 *       null keys go round-robin;
 *   L3  a read serves exactly [logStartOffset, highWatermark), in offset order, max records at most; a read
 *       may start at any offset in [logStartOffset, highWatermark], and is refused anywhere else;
 *   L4  segments are contiguous, and roll by size (segment.bytes) or age (segment.ms);
 *   L5  retention deletes whole segments from the oldest, by time (the newest record older than retention.ms)
 *       or by size (while the rest still holds retention.bytes), only segments wholly below the high
 *       watermark, moving the log start offset (past an open transaction's first records too);
 *   L6  read_committed stops at the last stable offset (the first offset of the earliest open transaction, or
 *       the log start offset if retention deleted that), and seek to the end lands there;
 *   L7  seek to a timestamp gives the first offset stamped at or after it;
 *   L8  each partition has exactly one owner per generation of a non-empty group (range, round-robin or
 *       cooperative-sticky);
 *   L9  membership changes (join, leave, session expiry) start a new generation; heartbeats and commits of
 *       another generation or a non-member are refused, except a commit from no member (generation -1) into a
 *       group with no members, which is stored;
 *   L10 a committed offset is the next to read; a group resumes exactly there (or resets if it is gone);
 *   L11 read_committed never returns a record of an aborted transaction; read_uncommitted does;
 *   L12 an idempotent producer's append is written once per (id, partition, sequence), with no gap after its
 *       first on the partition (which may carry any sequence); an old epoch is fenced;
 *   L13 initTransactions fences the previous epoch of its transactional id and aborts what it left open;
 *   L14 a transaction's records and offsets are committed together or aborted together, and its end writes a
 *       marker in every partition it wrote to;
 *   L15 a transaction still open transaction.timeout.ms after its first write is aborted by the coordinator
 *       (markers written, the last stable offset moves up) and its producer fenced: its later commit is
 *       PRODUCER_FENCED.
 * Thread-safety: every public method holds the log's private monitor; none blocks or sleeps. Session timeouts,
 * transaction timeouts and retention are evaluated lazily against the clock at the start of each call: no timers.
 * Real world: Apache Kafka, one broker, one replica per partition (the high watermark is the log end offset),
 * LogAppendTime, rebalances in one step; how Kinesis and Redis Streams differ: docs/partitioned-log.md.
 * Composition: its decisions are the one-line methods of the {@link LogRules} given; its parts (partitions,
 * groups, the exactly-once side) come from {@link KafkaLogBuilder}: a variant replaces one, never subclasses it.
 */
public final class KafkaLog implements PartitionedLog {

    public static final LogCapabilities CAPABILITIES = new LogCapabilities(true, true, true, true, false, true);

    private final LogConfig config;
    private final InstantSource clock;
    private final LogRules rules;
    private final Object monitor = new Object(); // every public method holds it; nobody outside can
    private final Partition[] partitions;
    private final GroupCoordinator groups;
    private final ExactlyOnceWrites exactlyOnce; // the idempotent producer and transactions (L12 to L15)
    private long nullKeyed; // counts null-keyed appends for round-robin (L2)

    /** The reference: in memory, under {@link LogRules#REFERENCE}. */
    public KafkaLog(LogConfig config, InstantSource clock) {
        this(config, clock, LogRules.REFERENCE);
    }

    /** In memory, under other rules (a gallery variant). */
    public KafkaLog(LogConfig config, InstantSource clock, LogRules rules) {
        this(builder(config, clock).rules(rules).parts());
    }

    /** Built from its parts ({@link KafkaLogBuilder#build()}); none of them holds this log. */
    KafkaLog(KafkaLogBuilder.Parts parts) {
        this.config = parts.config();
        this.clock = parts.clock();
        this.rules = parts.rules();
        this.partitions = parts.partitions();
        this.groups = parts.groups();
        this.exactlyOnce = parts.exactlyOnce();
    }

    /** A log of the reference's parts, any of which the builder replaces. */
    public static KafkaLogBuilder builder(LogConfig config, InstantSource clock) {
        return new KafkaLogBuilder(config, clock);
    }

    @Override
    public LogConfig config() {
        return config;
    }

    @Override
    public LogCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public AppendOutcome append(String key, String value, Map<String, String> headers) {
        ProducerRecord record = new ProducerRecord(key, value, headers);
        return locked(now -> {
            int p = key == null ? rules.partitionForNullKey(nullKeyed++, partitions.length) : partitionFor(key); // L2
            return AppendOutcome.appended(p, partitions[p].append(record, now, -1, false));
        });
    }

    @Override
    public AppendOutcome append(int partition, ProducerRecord record) {
        synchronized (monitor) { // locked() without a lambda per record
            return AppendOutcome.appended(partition, partition(partition).append(record, tick(), -1, false));
        }
    }

    /** Acknowledged when the storage says (LS2), which forces what is due after the monitor is let go. */
    @Override
    public CompletableFuture<AppendOutcome> send(int partition, ProducerRecord record) {
        Partition p = partition(partition);
        Instant now;
        CompletableFuture<AppendOutcome> ack;
        synchronized (monitor) { // no lambda per record; futures in offset order (DS5)
            ack = p.storage().acknowledgement(p.append(record, now = tick(), -1, false));
        }
        p.storage().flushIfDue(now); // appends go on during the force
        return ack;
    }

    @Override
    public int partitionFor(String key) {
        return rules.partitionForKey(
                Objects.requireNonNull(key, "key (a null key has no fixed partition)"), partitions.length);
    }

    @Override
    public ProducerIdAndEpoch initProducerId() {
        return locked(now -> exactlyOnce.initProducerId());
    }

    @Override
    public AppendOutcome append(ProducerIdAndEpoch producer, int partition, int sequence, ProducerRecord record) {
        config.requirePartition(partition);
        return locked(now -> exactlyOnce.append(producer, partition, sequence, record, now));
    }

    @Override
    public ProducerIdAndEpoch initTransactions(String transactionalId) {
        Objects.requireNonNull(transactionalId, "transactionalId");
        return locked(now -> exactlyOnce.initTransactions(transactionalId, now));
    }

    @Override
    public TransactionOutcome beginTransaction(ProducerIdAndEpoch producer) {
        return locked(now -> exactlyOnce.begin(producer));
    }

    @Override
    public TransactionOutcome sendOffsetsToTransaction(
            ProducerIdAndEpoch producer, String group, Map<Integer, Long> offsets) {
        offsets.forEach((p, o) -> Partition.requireOffset(config.requirePartition(p), o));
        Objects.requireNonNull(group, "group");
        return locked(now -> exactlyOnce.addOffsets(producer, group, offsets, now));
    }

    @Override
    public TransactionOutcome commitTransaction(ProducerIdAndEpoch producer) {
        return locked(now -> exactlyOnce.endTransaction(producer, true, "commitTransaction", now));
    }

    @Override
    public TransactionOutcome abortTransaction(ProducerIdAndEpoch producer) {
        return locked(now -> exactlyOnce.endTransaction(producer, false, "abortTransaction", now));
    }

    @Override
    public FetchResult read(int partition, long fromOffset, int max, IsolationLevel isolation) {
        if (max < 1) {
            throw new OutOfRangeException("max", max, "1 or more records per read");
        }
        Objects.requireNonNull(isolation, "isolation");
        return locked(now -> partition(partition).read(fromOffset, max, isolation));
    }

    @Override
    public long logStartOffset(int partition) {
        return locked(now -> partition(partition).logStartOffset());
    }

    @Override
    public long highWatermark(int partition) {
        return locked(now -> partition(partition).highWatermark());
    }

    @Override
    public long lastStableOffset(int partition) {
        return locked(now -> partition(partition).lastStableOffset());
    }

    @Override
    public long offsetFor(int partition, Seek seek, IsolationLevel isolation) {
        Objects.requireNonNull(seek, "seek");
        return locked(now -> partition(partition).offsetFor(seek, isolation));
    }

    @Override
    public Assignment join(String group, String memberId) {
        return locked(now -> groups.join(group, memberId, now));
    }

    @Override
    public void leave(String group, String memberId) {
        locked(now -> groups.leave(group, memberId));
    }

    @Override
    public HeartbeatOutcome heartbeat(String group, String memberId, int generation) {
        return locked(now -> groups.heartbeat(group, memberId, generation, now));
    }

    @Override
    public Optional<Assignment> assignment(String group, String memberId) {
        return locked(now -> groups.assignment(group, memberId));
    }

    @Override
    public GroupDescription describeGroup(String group) {
        return locked(now -> groups.describe(group));
    }

    @Override
    public CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        Partition.requireOffset(config.requirePartition(partition), offset);
        return locked(now -> groups.commit(group, memberId, generation, partition, offset));
    }

    @Override
    public OptionalLong committed(String group, int partition) {
        config.requirePartition(partition);
        return locked(now -> groups.committed(group, partition));
    }

    @Override
    public long resumeOffset(String group, int partition, Seek reset, IsolationLevel isolation) {
        config.requirePartition(partition);
        return locked(now -> partitions[partition].resumeOffset(groups.committed(group, partition), reset, isolation));
    }

    @Override
    public List<String> groups() {
        return locked(now -> groups.names());
    }

    Partition partition(int p) {
        return partitions[config.requirePartition(p)];
    }

    /** Runs {@code body} holding the monitor without a tick of the clock (a clean close, a power loss). */
    void holding(Runnable body) {
        synchronized (monitor) {
            body.run();
        }
    }

    /** Every public method runs its body here, holding the monitor, at the instant {@link #tick()} returns. */
    <T> T locked(Function<Instant, T> body) {
        synchronized (monitor) {
            return body.apply(tick());
        }
    }

    /** Holding the monitor: the clock's instant, with sessions (L9), transactions (L15) and retention (L5) due. */
    private Instant tick() {
        Instant now = clock.instant();
        groups.expireSessions(now);
        exactlyOnce.abortTimedOut(now, config.transactionTimeout()); // L15
        for (Partition p : partitions) {
            p.enforceRetention(now);
        }
        return now;
    }
}
